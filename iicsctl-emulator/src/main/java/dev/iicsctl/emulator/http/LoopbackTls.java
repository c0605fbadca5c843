package dev.iicsctl.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The emulator's TLS identity: a self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}
 * shipped in the jar. The JDK has no public API to make a certificate; a fixed keystore needs no {@code keytool}
 * process at run time (a jlink'd runtime may have none) and gives every test the same certificate to trust. Its
 * private key is public by design: it only ever serves the loopback host in tests and demos.
 */
public final class LoopbackTls {
    private static final String KEYSTORE = "loopback.p12";
    private static final char[] PASSWORD = "iicsctl-emulator".toCharArray();
    private static final String ALIAS = "loopback";

    private LoopbackTls() {}

    /** A server context with the loopback certificate. */
    public static SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(Holder.STORE, PASSWORD);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the emulator's TLS keystore is unusable: " + e.getMessage(), e);
        }
    }

    /** The certificate in PEM, to give a client as its extra CA file. */
    public static String certificatePem() {
        try {
            Certificate certificate = Holder.STORE.getCertificate(ALIAS);
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the emulator's TLS keystore is unusable: " + e.getMessage(), e);
        }
    }

    /** Loaded once, on first use: plain-HTTP emulators never read it. */
    private static final class Holder {
        static final KeyStore STORE = load();

        private static KeyStore load() {
            try (InputStream in = LoopbackTls.class.getResourceAsStream(KEYSTORE)) {
                if (in == null) {
                    throw new IllegalStateException("the emulator's TLS keystore " + KEYSTORE + " is missing from its jar");
                }
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, PASSWORD);
                return store;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the emulator's TLS keystore is unusable: " + e.getMessage(), e);
            }
        }
    }
}
