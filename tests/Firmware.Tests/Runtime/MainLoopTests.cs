using System;
using System.Collections.Generic;
using System.Linq;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Runtime;

public sealed class MainLoopTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly MemoryLogSink _log = new MemoryLogSink();
    private readonly SimulatedWatchdog _watchdog;
    private readonly MainLoop _loop;
    private readonly List<string> _journal = new List<string>();

    public MainLoopTests()
    {
        _watchdog = new SimulatedWatchdog(_clock);
        _loop = new MainLoop(_clock, _watchdog, new Logger(_log, _clock, LogLevel.Debug), 4);
    }

    [Fact]
    public void Components_tick_once_per_pass_in_registration_order()
    {
        _loop.Register("pilot", new RecordingComponent("pilot", _journal, _clock), 1000);
        _loop.Register("ocpp", new RecordingComponent("ocpp", _journal, _clock), 1000);

        _loop.RunOnce();
        _loop.RunOnce();

        Assert.Equal(new[] { "tick pilot", "tick ocpp", "tick pilot", "tick ocpp" }, _journal);
        Assert.Equal(2, _loop.PassCount);
    }

    [Fact]
    public void Each_tick_gets_the_time_at_which_it_starts()
    {
        var slow = new RecordingComponent("slow", null, _clock) { CostUs = 7000 };
        var next = new RecordingComponent("next", null, _clock);
        _loop.Register("slow", slow, 10000);
        _loop.Register("next", next, 10000);
        _clock.AdvanceMs(100);

        _loop.RunOnce();

        Assert.Equal(100, slow.LastNowMs);
        Assert.Equal(107, next.LastNowMs);
    }

    [Fact]
    public void Tick_duration_is_measured_per_component_and_per_pass()
    {
        _loop.Register("a", new RecordingComponent("a", null, _clock) { CostUs = 300 }, 1000);
        _loop.Register("b", new RecordingComponent("b", null, _clock) { CostUs = 1200 }, 2000);

        _loop.RunOnce();

        TickStatistics a = _loop.GetStatistics(0);
        TickStatistics b = _loop.GetStatistics(1);
        Assert.Equal(("a", 300L, 300L, 1L), (a.Name, a.LastUs, a.MaxUs, a.TickCount));
        Assert.Equal(("b", 1200L, 1200L), (b.Name, b.LastUs, b.MaxUs));
        Assert.Equal(1500, _loop.LastPassUs);
        Assert.Equal(0, a.OverrunCount + b.OverrunCount);
    }

    [Fact]
    public void Overrun_is_reported_at_once_then_at_most_once_per_report_interval_with_a_count()
    {
        var slow = new RecordingComponent("meter", null, _clock) { CostUs = 5000 };
        _loop.Register("meter", slow, 2000);

        _loop.RunOnce();
        for (int i = 0; i < 9; i++)
        {
            _loop.RunOnce();
        }

        LogEntry[] warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).ToArray();
        Assert.Single(warnings);
        Assert.Contains("tick overrun: meter took 5000 us (budget 2000 us), 1 overrun(s)", warnings[0].Message);
        Assert.Equal(10, _loop.GetStatistics(0).OverrunCount);

        _clock.AdvanceMs(Limits.TickReportIntervalMs);
        _loop.RunOnce();

        warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.Contains("10 overrun(s) since last report", warnings[1].Message);
    }

    [Fact]
    public void A_tick_within_budget_is_not_an_overrun()
    {
        _loop.Register("ok", new RecordingComponent("ok", null, _clock) { CostUs = 2000 }, 2000);

        _loop.RunOnce();

        Assert.Equal(0, _loop.GetStatistics(0).OverrunCount);
        Assert.DoesNotContain(_log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public void Exception_in_a_tick_puts_every_fail_safe_component_safe_before_the_next_component_runs()
    {
        var contactor = new RecordingComponent("contactor", _journal, _clock);
        var ocpp = new RecordingComponent("ocpp", _journal, _clock) { ThrowOnTick = new InvalidOperationException("bad frame") };
        var web = new RecordingComponent("web", _journal, _clock);
        _loop.Register("contactor", contactor, 1000);
        _loop.Register("ocpp", ocpp, 1000);
        _loop.Register("web", web, 1000);

        _loop.RunOnce();

        Assert.Equal(new[] { "tick contactor", "tick ocpp", "safe contactor", "safe ocpp", "safe web", "tick web" }, _journal);
        Assert.Equal(1, _loop.GetStatistics(1).ExceptionCount);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("tick of ocpp threw InvalidOperationException: bad frame"));
    }

    [Fact]
    public void A_throwing_component_does_not_stop_the_loop()
    {
        var faulty = new RecordingComponent("faulty", null, _clock) { ThrowOnTick = new InvalidOperationException() };
        var healthy = new RecordingComponent("healthy", null, _clock);
        _loop.Register("faulty", faulty, 1000);
        _loop.Register("healthy", healthy, 1000);

        for (int i = 0; i < 5; i++)
        {
            _loop.RunOnce();
        }

        Assert.Equal(5, healthy.TickCount);
        Assert.Equal(5, _loop.GetStatistics(0).ExceptionCount);
        Assert.Equal(5, _watchdog.FeedCount);
    }

    [Fact]
    public void Watchdog_is_fed_after_every_complete_pass()
    {
        _loop.Register("a", new RecordingComponent("a", null, _clock), 1000);
        _loop.Start(Limits.WatchdogTimeoutMs);

        for (int i = 0; i < 3; i++)
        {
            _clock.AdvanceMs(Limits.WatchdogTimeoutMs - 1);
            _watchdog.Advance(_clock.NowUs);
            _loop.RunOnce();
        }

        Assert.Equal(3, _watchdog.FeedCount);
        Assert.False(_watchdog.HasBitten);
    }

    [Fact]
    public void Watchdog_bites_when_a_tick_keeps_the_pass_from_completing_in_time()
    {
        _loop.Register("stuck", new RecordingComponent("stuck", null, _clock) { CostUs = (Limits.WatchdogTimeoutMs + 1) * 1000L }, 1000);
        _loop.Start(Limits.WatchdogTimeoutMs);

        _loop.RunOnce();

        Assert.True(_watchdog.HasBitten);
    }

    [Fact]
    public void Registering_beyond_capacity_is_a_composition_error()
    {
        for (int i = 0; i < 4; i++)
        {
            _loop.Register("c" + i, new RecordingComponent("c", null, _clock), 1000);
        }

        Assert.Throws<InvalidOperationException>(() => _loop.Register("extra", new RecordingComponent("x", null, _clock), 1000));
    }

    [Fact]
    public void A_steady_state_pass_allocates_nothing()
    {
        _loop.Register("a", new RecordingComponent("a", null, _clock) { CostUs = 10 }, 1000);
        _loop.Register("b", new RecordingComponent("b", null, _clock) { CostUs = 10 }, 1000);
        _loop.RunOnce();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10000; i++)
        {
            _loop.RunOnce();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
