package io.camelvk.provider.volume;

import com.fasterxml.jackson.annotation.JsonValue;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The type of a pod's volume, named as the pod spec names its field ({@code configMap}, {@code
 * hostPath}, ...). The core writes the files of {@link #RESOLVED} kinds; the others reach a
 * provider that serves them with no files, the pod spec saying what they are.
 */
public enum VolumeKind {
  AWS_ELASTIC_BLOCK_STORE("awsElasticBlockStore", Volume::getAwsElasticBlockStore),
  AZURE_DISK("azureDisk", Volume::getAzureDisk),
  AZURE_FILE("azureFile", Volume::getAzureFile),
  CEPHFS("cephfs", Volume::getCephfs),
  CINDER("cinder", Volume::getCinder),
  CONFIG_MAP("configMap", Volume::getConfigMap),
  CSI("csi", Volume::getCsi),
  DOWNWARD_API("downwardAPI", Volume::getDownwardAPI),
  EMPTY_DIR("emptyDir", Volume::getEmptyDir),
  EPHEMERAL("ephemeral", Volume::getEphemeral),
  FC("fc", Volume::getFc),
  FLEX_VOLUME("flexVolume", Volume::getFlexVolume),
  FLOCKER("flocker", Volume::getFlocker),
  GCE_PERSISTENT_DISK("gcePersistentDisk", Volume::getGcePersistentDisk),
  GIT_REPO("gitRepo", Volume::getGitRepo),
  GLUSTERFS("glusterfs", Volume::getGlusterfs),
  HOST_PATH("hostPath", Volume::getHostPath),
  IMAGE("image", Volume::getImage),
  ISCSI("iscsi", Volume::getIscsi),
  NFS("nfs", Volume::getNfs),
  PERSISTENT_VOLUME_CLAIM("persistentVolumeClaim", Volume::getPersistentVolumeClaim),
  PHOTON_PERSISTENT_DISK("photonPersistentDisk", Volume::getPhotonPersistentDisk),
  PORTWORX_VOLUME("portworxVolume", Volume::getPortworxVolume),
  PROJECTED("projected", Volume::getProjected),
  QUOBYTE("quobyte", Volume::getQuobyte),
  RBD("rbd", Volume::getRbd),
  SCALE_IO("scaleIO", Volume::getScaleIO),
  SECRET("secret", Volume::getSecret),
  STORAGEOS("storageos", Volume::getStorageos),
  VSPHERE_VOLUME("vsphereVolume", Volume::getVsphereVolume);

  /** The kinds whose files the core writes; every provider serves them unless it says otherwise. */
  public static final Set<VolumeKind> RESOLVED =
      Set.copyOf(EnumSet.of(CONFIG_MAP, SECRET, DOWNWARD_API, PROJECTED, EMPTY_DIR));

  private final String specName;
  private final Function<Volume, Object> source;

  VolumeKind(String specName, Function<Volume, Object> source) {
    this.specName = specName;
    this.source = source;
  }

  /** The name of the pod spec's field: {@code configMap}, {@code persistentVolumeClaim}, ... */
  @JsonValue
  public String specName() {
    return specName;
  }

  /** The kind of a volume of the pod spec; empty for one with no source the API knows. */
  public static Optional<VolumeKind> of(Volume volume) {
    for (VolumeKind kind : values()) {
      if (kind.source.apply(volume) != null) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind a pod spec names so ({@code hostPath}), ignoring case. */
  public static Optional<VolumeKind> named(String specName) {
    for (VolumeKind kind : values()) {
      if (kind.specName.equalsIgnoreCase(specName.strip())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
