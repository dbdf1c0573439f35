package store.traffictacos.capacity.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HTTPS for the reference target, with HTTP/2 and HTTP/1.1 offered through ALPN: a certificate and its
 * private key (PEM files), or a self-signed certificate made at start for {@code localhost}, 127.0.0.1 and
 * the listening host, whose trust store the target writes for its clients.
 *
 * @param certificate the certificate chain, PEM; null (with {@code privateKey}): self-signed
 * @param privateKey its PKCS#8 private key, PEM
 */
public record TargetTls(Path certificate, Path privateKey) {
    /** HTTP/2 streams a client may have open on one connection: the production ALB's limit. */
    public static final int MAX_CONCURRENT_STREAMS = 128;

    public TargetTls {
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException(
                    "tls-cert and tls-key go together: give both, or neither for a " + "self-signed certificate");
        }
        for (Path file : new Path[] {certificate, privateKey}) {
            if (file != null && !Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file);
            }
        }
    }

    public static TargetTls selfSigned() {
        return new TargetTls(null, null);
    }

    public boolean isSelfSigned() {
        return certificate == null;
    }
}
