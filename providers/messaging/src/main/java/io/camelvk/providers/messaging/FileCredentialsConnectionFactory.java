package io.camelvk.providers.messaging;

import io.camelvk.config.SecretFile;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Connects as a user whose password is read from its file for each connection, so a rotated
 * password is used at the next one; only the file's path is kept, and {@code toString} shows no
 * secret.
 */
final class FileCredentialsConnectionFactory implements ConnectionFactory {

  private final ConnectionFactory broker;
  private final String user;
  private final Path passwordFile;

  FileCredentialsConnectionFactory(ConnectionFactory broker, String user, Path passwordFile) {
    this.broker = broker;
    this.user = user;
    this.passwordFile = passwordFile;
  }

  @Override
  public Connection createConnection() throws JMSException {
    try {
      return broker.createConnection(user, password());
    } catch (UncheckedIOException e) {
      JMSException failure =
          new JMSException("cannot read the broker password file " + passwordFile);
      failure.setLinkedException(e.getCause());
      throw failure;
    }
  }

  @Override
  public Connection createConnection(String userName, String password) throws JMSException {
    return broker.createConnection(userName, password);
  }

  @Override
  public JMSContext createContext() {
    try {
      return broker.createContext(user, password());
    } catch (UncheckedIOException e) {
      throw new JMSRuntimeException("cannot read the broker password file " + passwordFile);
    }
  }

  @Override
  public JMSContext createContext(String userName, String password) {
    return broker.createContext(userName, password);
  }

  @Override
  public JMSContext createContext(String userName, String password, int sessionMode) {
    return broker.createContext(userName, password, sessionMode);
  }

  @Override
  public JMSContext createContext(int sessionMode) {
    try {
      return broker.createContext(user, password(), sessionMode);
    } catch (UncheckedIOException e) {
      throw new JMSRuntimeException("cannot read the broker password file " + passwordFile);
    }
  }

  /** The password; an empty one is the broker's to refuse or take. */
  private String password() {
    return SecretFile.readAllowingEmpty(passwordFile);
  }

  @Override
  public String toString() {
    return "broker connections as " + user + " (password from " + passwordFile + ")";
  }
}
