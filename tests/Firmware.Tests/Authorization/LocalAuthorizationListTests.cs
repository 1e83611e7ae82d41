using System;
using Wallbox.Firmware.Authorization;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Authorization;

/// <summary>OCPP 1.6 Local Authorization List (SendLocalList, GetLocalListVersion), 50 entries.</summary>
public sealed class LocalAuthorizationListTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedWallClock _wall;
    private SimulatedFileStore _store = new SimulatedFileStore();

    public LocalAuthorizationListTests()
    {
        _wall = new SimulatedWallClock(_clock);
    }

    [Fact]
    public void A_full_update_replaces_the_list_and_its_version_and_survives_a_reboot()
    {
        LocalAuthorizationList list = Load();
        Assert.Equal(0, list.Version);

        Assert.Equal(LocalListUpdateStatus.Accepted, list.ApplyFull(3, Entries("A", "B", "C"), 3));
        Pump(list);
        LocalAuthorizationList rebooted = Reboot();

        Assert.Equal((3, 3), (rebooted.Version, rebooted.Count));
        Assert.True(rebooted.TryGet("B", new IdTagInfo()));
    }

    [Fact]
    public void Fifty_entries_fit_and_fifty_one_fail_leaving_the_old_list()
    {
        LocalAuthorizationList list = Load();
        list.ApplyFull(1, Entries("OLD"), 1);

        Assert.Equal(LocalListUpdateStatus.Failed, list.ApplyFull(2, Numbered(51), 51));
        Assert.Equal((1, 1), (list.Version, list.Count));

        Assert.Equal(LocalListUpdateStatus.Accepted, list.ApplyFull(2, Numbered(50), 50));
        Assert.Equal(50, list.Count);
    }

    [Fact]
    public void A_differential_update_adds_replaces_and_removes()
    {
        LocalAuthorizationList list = Load();
        list.ApplyFull(1, Entries("A", "B"), 2);
        var changes = new[]
        {
            new LocalListEntry { IdTag = "A" }, // no info: remove
            new LocalListEntry { IdTag = "B", Info = new IdTagInfo { Status = AuthorizationStatus.Blocked } },
            new LocalListEntry { IdTag = "C", Info = new IdTagInfo { Status = AuthorizationStatus.Accepted } },
        };

        Assert.Equal(LocalListUpdateStatus.Accepted, list.ApplyDifferential(2, changes, 3));

        var info = new IdTagInfo();
        Assert.False(list.TryGet("A", info));
        Assert.True(list.TryGet("B", info));
        Assert.Equal(AuthorizationStatus.Blocked, info.Status);
        Assert.True(list.TryGet("C", info));
        Assert.Equal(2, list.Version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_differential_update_that_is_not_newer_is_a_version_mismatch(int version)
    {
        LocalAuthorizationList list = Load();
        list.ApplyFull(4, Entries("A"), 1);

        Assert.Equal(LocalListUpdateStatus.VersionMismatch, list.ApplyDifferential(version, Entries("B"), 1));
        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void A_differential_update_that_would_exceed_50_entries_fails_and_changes_nothing()
    {
        LocalAuthorizationList list = Load();
        list.ApplyFull(1, Numbered(50), 50);
        var changes = new[] { new LocalListEntry { IdTag = "ID0" }, new LocalListEntry { IdTag = "NEW1", Info = Accepted() }, new LocalListEntry { IdTag = "NEW2", Info = Accepted() } };

        Assert.Equal(LocalListUpdateStatus.Failed, list.ApplyDifferential(2, changes, 3));
        Assert.True(list.TryGet("ID0", new IdTagInfo()));
        Assert.Equal(1, list.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")] // 21 characters
    [InlineData("HAS SPACE")]
    public void A_malformed_idTag_fails_the_whole_update(string idTag)
    {
        LocalAuthorizationList list = Load();

        Assert.Equal(LocalListUpdateStatus.Failed, list.ApplyFull(1, Entries("GOOD", idTag), 2));
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void An_expired_entry_reads_as_Expired()
    {
        _wall.SetUtc(new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc));
        LocalAuthorizationList list = Load();
        list.ApplyFull(1, new[] { new LocalListEntry { IdTag = "OLD", Info = new IdTagInfo { Status = AuthorizationStatus.Accepted, ExpiryUnixMs = 1 } } }, 1);

        var info = new IdTagInfo();
        Assert.True(list.TryGet("OLD", info));
        Assert.Equal(AuthorizationStatus.Expired, info.Status);
    }

    private static IdTagInfo Accepted() => new IdTagInfo { Status = AuthorizationStatus.Accepted };

    private static LocalListEntry[] Entries(params string[] idTags) => Array.ConvertAll(idTags, t => new LocalListEntry { IdTag = t, Info = Accepted() });

    private static LocalListEntry[] Numbered(int n)
    {
        var entries = new LocalListEntry[n];
        for (int i = 0; i < n; i++)
        {
            entries[i] = new LocalListEntry { IdTag = "ID" + i, Info = Accepted() };
        }

        return entries;
    }

    private LocalAuthorizationList Load()
    {
        var list = new LocalAuthorizationList(_store, @"I:\locallist", _wall);
        list.StartLoad();
        Pump(list);
        Assert.True(list.IsLoaded);
        return list;
    }

    private LocalAuthorizationList Reboot()
    {
        _store = _store.AfterPowerCycle();
        return Load();
    }

    private void Pump(LocalAuthorizationList list)
    {
        for (int i = 0; i < 100; i++)
        {
            _clock.AdvanceMs(1);
            _store.Advance(_clock.NowUs);
            list.Tick(_clock.NowMs);
        }
    }
}
