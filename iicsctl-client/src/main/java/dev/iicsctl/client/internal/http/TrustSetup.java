package dev.iicsctl.client.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context: the JDK's default trusted CAs plus the certificates of an extra PEM file. There is
 * deliberately no way to switch certificate checks off.
 */
public final class TrustSetup {

    private TrustSetup() {
    }

    /**
     * @param caFile extra CA certificates (PEM), or {@code null}
     * @return the context to use
     * @throws IllegalArgumentException when the file holds no readable certificate
     */
    public static SSLContext context(Path caFile) {
        try {
            if (caFile == null) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore(caFile));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw unusable(caFile, e);
        }
    }

    /**
     * @param caFile extra CA certificates (PEM)
     * @return the JDK's default trusted CAs and the file's certificates, in one store
     * @throws IllegalArgumentException when the file holds no readable certificate
     */
    static KeyStore trustStore(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : defaultTrust().getAcceptedIssuers()) {
                store.setCertificateEntry("default-" + n++, ca);
            }
            Collection<? extends Certificate> extra;
            try (InputStream in = Files.newInputStream(caFile)) {
                extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (extra.isEmpty()) {
                throw new IllegalArgumentException("CA file " + caFile + " holds no PEM certificate: give a file with "
                        + "-----BEGIN CERTIFICATE----- blocks");
            }
            int i = 0;
            for (Certificate c : extra) {
                store.setCertificateEntry("extra-" + i++, c);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw unusable(caFile, e);
        }
    }

    private static IllegalArgumentException unusable(Path caFile, Exception e) {
        return new IllegalArgumentException("CA file " + caFile + " cannot be used (" + e.getMessage()
                + "): give a PEM file of CA certificates", e);
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no default X.509 trust manager");
    }
}
