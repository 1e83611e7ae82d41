using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Benchmarks;

/// <summary>
/// The portable AES-128 and CMAC of the DESFire driver (drivers/Desfire/Crypto, plain C# because nanoFramework's
/// native AES has no raw block access on every target) against the platform AES (AES-NI on the host) doing the same
/// work in the same run: the baseline. An AES DESFire card check costs about 12 block operations (authentication,
/// GetCardUID, the CMACs of four commands); the ratio tells how much of the check's per-tick budget the portable cipher
/// costs relative to a native one, to be read with the device fit report.
/// </summary>
[MemoryDiagnoser]
public class DesfireCryptoBenchmarks
{
    private static readonly byte[] Key = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF };
    private readonly Aes128 _aes = new Aes128();
    private readonly Aes _platform = Aes.Create();
    private readonly byte[] _block = new byte[16];
    private readonly byte[] _out = new byte[16];
    private readonly byte[] _message = new byte[40];
    private readonly byte[] _mac = new byte[16];
    private Cmac _cmac;

    /// <summary>Sets the keys once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _aes.SetKey(Key, 0);
        _platform.Key = Key;
        _cmac = new Cmac(_aes);
        _cmac.DeriveSubkeys();
    }

    /// <summary>One block with the platform AES (baseline).</summary>
    [Benchmark(Baseline = true)]
    public int PlatformAesBlock() => _platform.EncryptEcb(_block, _out, PaddingMode.None);

    /// <summary>One block with the driver's portable AES-128.</summary>
    [Benchmark]
    public byte PortableAesBlock()
    {
        _aes.EncryptBlock(_block, 0, _out, 0);
        return _out[0];
    }

    /// <summary>CMAC of a 40-byte message (3 blocks), as for a ReadData answer.</summary>
    [Benchmark]
    public byte PortableCmac40Bytes()
    {
        _cmac.Compute(_message, 0, _message.Length, _mac, 0);
        return _mac[0];
    }
}
