namespace Wallbox.Firmware.Authorization
{
    /// <summary>
    /// What the wallbox does with an idTag while the central system cannot be reached: the three modes of CPL-44.
    /// </summary>
    public enum OfflineAuthorizationMode
    {
        /// <summary>(a) « active »: only idTags in the whitelist (cache) or the local list are accepted.</summary>
        Whitelist = 0,

        /// <summary>(b) « inactive et acceptant tous les clients »: every idTag is accepted and charged to it later (CPL-46).</summary>
        AcceptAll = 1,

        /// <summary>(c) « inactive et refusant tous les clients »: no charge while offline.</summary>
        RefuseAll = 2,
    }
}
