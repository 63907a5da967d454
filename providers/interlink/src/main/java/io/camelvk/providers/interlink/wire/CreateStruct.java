package io.camelvk.providers.interlink.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code /create} ({@code types.CreateStruct}): the pod's UID and the job id the
 * remote system gave it (a SLURM job id, a Docker container id).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateStruct(
    @JsonProperty("PodUID") String podUid, @JsonProperty("PodJID") String podJid) {}
