using Wallbox.Firmware.Authorization;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Authorization;

/// <summary>The three offline modes of CPL-44.</summary>
public sealed class OfflineAuthorizationPolicyTests
{
    private readonly OfflineAuthorizationPolicy _policy;
    private readonly AuthorizationCache _cache;
    private readonly LocalAuthorizationList _list;

    public OfflineAuthorizationPolicyTests()
    {
        var clock = new VirtualClock();
        var wall = new SimulatedWallClock(clock);
        var store = new SimulatedFileStore();
        _cache = new AuthorizationCache(store, @"I:\authcache", wall);
        _list = new LocalAuthorizationList(store, @"I:\locallist", wall);
        _cache.StartLoad();
        _list.StartLoad();
        for (int i = 0; i < 200; i++)
        {
            clock.AdvanceMs(1);
            store.Advance(clock.NowUs);
            _cache.Tick(clock.NowMs);
            _list.Tick(clock.NowMs);
        }

        _cache.Update("CACHED", new IdTagInfo { Status = AuthorizationStatus.Accepted });
        _list.ApplyFull(1, new[]
        {
            new LocalListEntry { IdTag = "LISTED", Info = new IdTagInfo { Status = AuthorizationStatus.Accepted } },
            new LocalListEntry { IdTag = "BLOCKED", Info = new IdTagInfo { Status = AuthorizationStatus.Blocked } },
        }, 2);
        _policy = new OfflineAuthorizationPolicy(_list, _cache);
    }

    [Theory]
    [InlineData("LISTED", true)]
    [InlineData("CACHED", true)]
    [InlineData("BLOCKED", false)]
    [InlineData("STRANGER", false)]
    public void CPL_44_a_whitelist_mode_accepts_only_listed_or_cached_idTags(string idTag, bool accepted)
    {
        _policy.Mode = OfflineAuthorizationMode.Whitelist;

        Assert.Equal(accepted, _policy.IsAccepted(idTag));
    }

    [Theory]
    [InlineData("STRANGER")]
    [InlineData("CACHED")]
    public void CPL_44_b_accept_all_mode_accepts_everyone(string idTag)
    {
        _policy.Mode = OfflineAuthorizationMode.AcceptAll;

        Assert.True(_policy.IsAccepted(idTag));
    }

    [Theory]
    [InlineData("LISTED")]
    [InlineData("CACHED")]
    public void CPL_44_c_refuse_all_mode_refuses_everyone(string idTag)
    {
        _policy.Mode = OfflineAuthorizationMode.RefuseAll;

        Assert.False(_policy.IsAccepted(idTag));
        Assert.Contains("CPL-44 c", _policy.LastReason);
    }

    [Fact]
    public void A_disabled_cache_is_not_consulted()
    {
        _policy.CacheEnabled = false;

        Assert.False(_policy.IsAccepted("CACHED"));
    }
}
