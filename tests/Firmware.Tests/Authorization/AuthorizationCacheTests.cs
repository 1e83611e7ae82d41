using System;
using Wallbox.Firmware.Authorization;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Authorization;

/// <summary>The whitelist of CPL-40..45 (OCPP Authorization Cache).</summary>
public sealed class AuthorizationCacheTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedWallClock _wall;
    private SimulatedFileStore _store = new SimulatedFileStore();

    public AuthorizationCacheTests()
    {
        _wall = new SimulatedWallClock(_clock);
        _wall.SetUtc(new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void CPL_40_accepted_idTags_are_cached_and_survive_a_reboot()
    {
        AuthorizationCache cache = Load();
        cache.Update("CARD1", Accepted());
        Pump(cache);

        AuthorizationCache rebooted = Reboot();

        Assert.True(rebooted.TryGet("card1", new IdTagInfo())); // OCPP idTags compare case-insensitively
    }

    [Fact]
    public void CPL_41_the_51st_accepted_idTag_evicts_the_oldest_and_a_refresh_makes_an_entry_newest()
    {
        AuthorizationCache cache = Load();
        for (int i = 0; i < AuthorizationCache.Capacity; i++)
        {
            cache.Update("CARD" + i, Accepted());
        }

        cache.Update("CARD0", Accepted()); // refreshed: CARD1 is now the oldest
        cache.Update("CARD50", Accepted());

        Assert.Equal(50, cache.Count);
        Assert.True(cache.TryGet("CARD0", new IdTagInfo()));
        Assert.False(cache.TryGet("CARD1", new IdTagInfo()));
        Assert.True(cache.TryGet("CARD50", new IdTagInfo()));
        Assert.Equal(1, cache.EvictionCount);
    }

    [Theory]
    [InlineData(AuthorizationStatus.Blocked)]
    [InlineData(AuthorizationStatus.Expired)]
    [InlineData(AuthorizationStatus.Invalid)]
    [InlineData(AuthorizationStatus.ConcurrentTx)]
    public void CPL_42_an_idTag_the_server_refuses_is_removed(AuthorizationStatus status)
    {
        AuthorizationCache cache = Load();
        cache.Update("CARD", Accepted());

        cache.Update("CARD", new IdTagInfo { Status = status });

        Assert.False(cache.TryGet("CARD", new IdTagInfo()));
    }

    [Fact]
    public void CPL_43_expired_entries_are_never_returned_and_are_purged()
    {
        AuthorizationCache cache = Load();
        long inOneHour = UnixMs(_wall.UtcNow.AddHours(1));
        cache.Update("SHORT", new IdTagInfo { Status = AuthorizationStatus.Accepted, ExpiryUnixMs = inOneHour });
        cache.Update("LONG", Accepted());
        Assert.True(cache.TryGet("SHORT", new IdTagInfo()));

        _clock.AdvanceMs(3_600_000);
        Pump(cache);

        Assert.False(cache.TryGet("SHORT", new IdTagInfo()));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void ClearCache_empties_it_on_flash_too()
    {
        AuthorizationCache cache = Load();
        cache.Update("CARD", Accepted());
        cache.Clear();
        Pump(cache);

        Assert.Equal(0, Reboot().Count);
    }

    private static IdTagInfo Accepted() => new IdTagInfo { Status = AuthorizationStatus.Accepted };

    private static long UnixMs(DateTime utc) => (utc.Ticks - 621355968000000000L) / TimeSpan.TicksPerMillisecond;

    private AuthorizationCache Load()
    {
        var cache = new AuthorizationCache(_store, @"I:\authcache", _wall);
        cache.StartLoad();
        Pump(cache);
        Assert.True(cache.IsLoaded);
        return cache;
    }

    private AuthorizationCache Reboot()
    {
        _store = _store.AfterPowerCycle();
        return Load();
    }

    private void Pump(AuthorizationCache cache)
    {
        for (int i = 0; i < 100; i++)
        {
            _clock.AdvanceMs(1);
            _store.Advance(_clock.NowUs);
            cache.Tick(_clock.NowMs);
        }
    }
}
