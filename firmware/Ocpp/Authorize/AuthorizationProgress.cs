namespace Wallbox.Firmware.Ocpp.Authorize
{
    /// <summary>Where the authorisation of one presented idTag stands.</summary>
    public enum AuthorizationProgress
    {
        /// <summary>Nothing asked.</summary>
        Idle = 0,

        /// <summary>Waiting for Authorize.conf.</summary>
        Waiting = 1,

        /// <summary>May charge.</summary>
        Accepted = 2,

        /// <summary>May not charge; <see cref="AuthorizationService.Reason"/> says why.</summary>
        Refused = 3,
    }
}
