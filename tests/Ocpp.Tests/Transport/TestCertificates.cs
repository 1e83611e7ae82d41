using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>
/// A root CA and a server certificate for 127.0.0.1 issued by it, generated for the test run (ECDSA P-256), written
/// as PEM files for the central system; plus an unrelated root that must not be accepted.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string folder, X509Certificate2 root, X509Certificate2 otherRoot)
    {
        Folder = folder;
        Root = root;
        OtherRoot = otherRoot;
    }

    /// <summary>Folder holding the PEM files (deleted on dispose).</summary>
    public string Folder { get; }

    /// <summary>The root that issued the server certificate.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>A root that issued nothing the server presents.</summary>
    public X509Certificate2 OtherRoot { get; }

    /// <summary>The server certificate followed by the root (PEM).</summary>
    public string ServerCertificatePemPath => Path.Combine(Folder, "server.crt");

    /// <summary>The server's private key (PKCS#8 PEM).</summary>
    public string ServerKeyPemPath => Path.Combine(Folder, "server.key");

    /// <summary><see cref="Root"/> as PEM bytes (what a charge point is configured with).</summary>
    public byte[] RootPem => System.Text.Encoding.ASCII.GetBytes(Root.ExportCertificatePem());

    /// <summary><see cref="OtherRoot"/> as PEM bytes.</summary>
    public byte[] OtherRootPem => System.Text.Encoding.ASCII.GetBytes(OtherRoot.ExportCertificatePem());

    /// <summary>Generates the certificates and writes the PEM files into a fresh temporary folder.</summary>
    public static TestCertificates Create()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        X509Certificate2 root = CreateRoot("CN=Wallbox test root", now);
        X509Certificate2 otherRoot = CreateRoot("CN=Wallbox unrelated root", now);

        using ECDsa serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        CertificateRequest request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false)); // id-kp-serverAuth (RFC 5280 §4.2.1.12)
        SubjectAlternativeNameBuilder names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        byte[] serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using X509Certificate2 server = request.Create(root, now.AddMinutes(-5), now.AddDays(1), serial);

        string folder = Path.Combine(Path.GetTempPath(), "wallbox-tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        TestCertificates created = new TestCertificates(folder, root, otherRoot);
        File.WriteAllText(created.ServerCertificatePemPath, server.ExportCertificatePem() + "\n" + root.ExportCertificatePem() + "\n");
        File.WriteAllText(created.ServerKeyPemPath, serverKey.ExportPkcs8PrivateKeyPem() + "\n");
        return created;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Root.Dispose();
        OtherRoot.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; leaving it is harmless.
        }
    }

    private static X509Certificate2 CreateRoot(string subject, DateTimeOffset now)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        CertificateRequest request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
