namespace Wallbox.Firmware.Ocpp.Tx
{
    /// <summary>The OCPP transaction of connector 1, as one explicit value (no loose flags).</summary>
    public enum TransactionPhase
    {
        /// <summary>Waiting for the stores, the power-up self-test and the recovery of an interrupted transaction.</summary>
        Booting = 0,

        /// <summary>No transaction, nothing authorised.</summary>
        Idle = 1,

        /// <summary>An idTag (card or RemoteStartTransaction) is being authorised to start.</summary>
        Authorizing = 2,

        /// <summary>Authorised; the charging controller waits for the EV (ConnectionTimeOut).</summary>
        Authorized = 3,

        /// <summary>StartTransaction is in the journal; the session runs.</summary>
        Running = 4,

        /// <summary>The session has ended; the StopTransaction is being written to the journal.</summary>
        Ending = 5,
    }
}
