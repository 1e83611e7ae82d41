using System;
using System.Collections.Generic;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Runtime;

/// <summary>A loop component for tests: records its ticks, can "take" virtual time and can throw.</summary>
internal sealed class RecordingComponent : ITickable, IFailSafe
{
    private readonly string _name;
    private readonly List<string> _journal;
    private readonly VirtualClock _clock;

    public RecordingComponent(string name, List<string> journal, VirtualClock clock)
    {
        _name = name;
        _journal = journal;
        _clock = clock;
    }

    /// <summary>Virtual microseconds each tick consumes.</summary>
    public long CostUs { get; set; }

    /// <summary>When set, the next ticks throw this.</summary>
    public Exception ThrowOnTick { get; set; }

    public int TickCount { get; private set; }

    public long LastNowMs { get; private set; }

    public int SafeStateCount { get; private set; }

    public void Tick(long nowMs)
    {
        TickCount++;
        LastNowMs = nowMs;
        _journal?.Add("tick " + _name);
        _clock.AdvanceUs(CostUs);
        if (ThrowOnTick != null)
        {
            throw ThrowOnTick;
        }
    }

    public void EnterSafeState()
    {
        SafeStateCount++;
        _journal?.Add("safe " + _name);
    }
}
