using BenchmarkDotNet.Attributes;
using Wallbox.Boards.Virtual;
using Wallbox.Hal.Simulation;

namespace Wallbox.Benchmarks;

/// <summary>
/// Cost of one idle loop period on the host: the simulated hardware alone (baseline) against hardware plus
/// one firmware pass. The ratio is the firmware's share; allocations must be 0 B for both.
/// </summary>
[MemoryDiagnoser]
public class IdleLoopBenchmarks
{
    private VirtualWallboxHardware _hardwareOnly;
    private VirtualWallbox _wallbox;

    /// <summary>Builds both subjects and warms them up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _hardwareOnly = new VirtualWallboxHardware();
        _wallbox = new VirtualWallbox();
        _wallbox.RunForMs(1000);
    }

    /// <summary>Simulated hardware advancing one 10 ms period.</summary>
    [Benchmark(Baseline = true)]
    public void Hardware_step_only() => _hardwareOnly.Advance(10_000);

    /// <summary>Simulated hardware plus one firmware main-loop pass.</summary>
    [Benchmark]
    public void Hardware_step_and_firmware_pass() => _wallbox.Step();
}
