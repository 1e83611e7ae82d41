using System;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Benchmarks.FlashWear;

/// <summary>Advances a simulated flash and the stores on it in 1 ms steps of virtual time, as the main loop would.</summary>
public sealed class SimulatedStorageLoop
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly ITickable[] _stores;

    public SimulatedStorageLoop(SimulatedFileStore flash, params ITickable[] stores)
    {
        Flash = flash;
        _stores = stores;
    }

    public SimulatedFileStore Flash { get; }

    public void Step() => Step(1);

    /// <summary>
    /// Lets <paramref name="ms"/> pass: 1 ms steps while the flash worker is busy, 1 s steps while it is idle (the
    /// stores only wait for deadlines then, and a second's precision changes no figure).
    /// </summary>
    public void Idle(int ms)
    {
        while (ms > 0)
        {
            int step = Flash.PendingJobCount > 0 ? 1 : Math.Min(ms, 1000);
            Step(step);
            ms -= step;
        }
    }

    private void Step(int ms)
    {
        _clock.AdvanceMs(ms);
        Flash.Advance(_clock.NowUs);
        for (int i = 0; i < _stores.Length; i++)
        {
            _stores[i].Tick(_clock.NowMs);
        }
    }

    /// <summary>Steps until <paramref name="condition"/> holds; a flash that never gets there is a broken benchmark.</summary>
    public void RunUntil(Func<bool> condition, string what)
    {
        for (int i = 0; i < 600_000; i++)
        {
            if (condition())
            {
                return;
            }

            Step();
        }

        throw new InvalidOperationException("timed out (10 min of virtual time) waiting for " + what);
    }
}
