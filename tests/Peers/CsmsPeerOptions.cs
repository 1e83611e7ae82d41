using System.Collections.Generic;

namespace Wallbox.Tests.Peers;

/// <summary>How <see cref="CsmsPeer.Start"/> starts the central system (the flags of ocpp-csms/csms.js).</summary>
public sealed class CsmsPeerOptions
{
    /// <summary>Basic-auth password required per identity (user name = identity, OCPP 1.6 security profiles 1–2); identities not listed need none.</summary>
    public IDictionary<string, string> Passwords { get; } = new Dictionary<string, string>();

    /// <summary>PEM file with the server certificate (and chain) for wss://; null for ws://.</summary>
    public string TlsCertificatePemPath { get; set; }

    /// <summary>PEM file with the server's private key (with <see cref="TlsCertificatePemPath"/>).</summary>
    public string TlsKeyPemPath { get; set; }

    /// <summary>Answer upgrades with 101 but without agreeing to any subprotocol (strict validation is then off).</summary>
    public bool AcceptWithoutSubProtocol { get; set; }

    /// <summary>WebSocket pings the server sends, milliseconds between them (0: none).</summary>
    public int PingIntervalMs { get; set; }

    /// <summary>How long a call the server makes waits for the charge point's answer, milliseconds.</summary>
    public int CallTimeoutMs { get; set; } = 30000;

    /// <summary>The interval the default BootNotification.conf hands out, seconds.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = 300;

    /// <summary>The first transactionId the default StartTransaction.conf hands out (then counting up).</summary>
    public int FirstTransactionId { get; set; } = 1;

    /// <summary>The command-line flags of csms.js for these options.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        List<string> arguments = new List<string>();
        foreach (KeyValuePair<string, string> password in Passwords)
        {
            arguments.Add("--password");
            arguments.Add(password.Key + "=" + password.Value);
        }

        if (TlsCertificatePemPath != null || TlsKeyPemPath != null)
        {
            arguments.Add("--tls-cert");
            arguments.Add(TlsCertificatePemPath);
            arguments.Add("--tls-key");
            arguments.Add(TlsKeyPemPath);
        }

        if (AcceptWithoutSubProtocol)
        {
            arguments.Add("--no-subprotocol");
        }

        arguments.Add("--ping-interval-ms");
        arguments.Add(PingIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        arguments.Add("--call-timeout-ms");
        arguments.Add(CallTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        arguments.Add("--heartbeat-interval-s");
        arguments.Add(HeartbeatIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        arguments.Add("--first-transaction-id");
        arguments.Add(FirstTransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return arguments;
    }
}
