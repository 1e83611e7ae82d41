using Wallbox.Drivers.Desfire;

namespace Wallbox.Drivers.Tests.Desfire;

internal static class SessionRunner
{
    /// <summary>Starts the session at t = 0 and ticks every 10 ms until it ends (at most 10 s of virtual time).</summary>
    public static DesfireSessionResult Run(DesfireCardSession session, DesfireSessionSettings settings, byte[] uid, int stepMs = 10)
    {
        session.Start(settings, uid, uid.Length, 0);
        for (long now = stepMs; session.State == DesfireSessionState.Running && now <= 10_000; now += stepMs)
        {
            session.Tick(now);
        }

        return session.Result;
    }
}
