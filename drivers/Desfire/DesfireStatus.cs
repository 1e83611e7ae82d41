namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// The status byte that starts every native DESFire EV1 response (NXP MF3ICDx81 datasheet, "Status and error
    /// codes"; the names are the datasheet's). In the ISO/IEC 7816-4 wrapped form it is SW2 after SW1 = 0x91.
    /// </summary>
    public enum DesfireStatus
    {
        /// <summary>OPERATION_OK: successful operation.</summary>
        OperationOk = 0x00,

        /// <summary>NO_CHANGES: no changes done to backup files, CommitTransaction/AbortTransaction not necessary.</summary>
        NoChanges = 0x0C,

        /// <summary>OUT_OF_EEPROM_ERROR: insufficient NV memory to complete the command.</summary>
        OutOfEepromError = 0x0E,

        /// <summary>ILLEGAL_COMMAND_CODE: command code not supported.</summary>
        IllegalCommandCode = 0x1C,

        /// <summary>INTEGRITY_ERROR: CRC or MAC does not match the data; padding bytes not valid.</summary>
        IntegrityError = 0x1E,

        /// <summary>NO_SUCH_KEY: invalid key number specified.</summary>
        NoSuchKey = 0x40,

        /// <summary>LENGTH_ERROR: length of the command string invalid.</summary>
        LengthError = 0x7E,

        /// <summary>PERMISSION_DENIED: current configuration or status does not allow the requested command.</summary>
        PermissionDenied = 0x9D,

        /// <summary>PARAMETER_ERROR: value of a parameter invalid.</summary>
        ParameterError = 0x9E,

        /// <summary>APPLICATION_NOT_FOUND: requested AID not present on the PICC.</summary>
        ApplicationNotFound = 0xA0,

        /// <summary>APPL_INTEGRITY_ERROR: unrecoverable error within the application; it will be disabled.</summary>
        ApplicationIntegrityError = 0xA1,

        /// <summary>AUTHENTICATION_ERROR: current authentication status does not allow the command, or the authentication failed.</summary>
        AuthenticationError = 0xAE,

        /// <summary>ADDITIONAL_FRAME: additional data frame is expected to be sent (not an error).</summary>
        AdditionalFrame = 0xAF,

        /// <summary>BOUNDARY_ERROR: attempt to read or write beyond the file's or record's limits.</summary>
        BoundaryError = 0xBE,

        /// <summary>PICC_INTEGRITY_ERROR: unrecoverable error within the PICC; the PICC will be disabled.</summary>
        PiccIntegrityError = 0xC1,

        /// <summary>COMMAND_ABORTED: previous command was not fully completed (not all frames requested).</summary>
        CommandAborted = 0xCA,

        /// <summary>PICC_DISABLED_ERROR: PICC was disabled by an unrecoverable error.</summary>
        PiccDisabledError = 0xCD,

        /// <summary>COUNT_ERROR: number of applications limited to 28, no additional CreateApplication possible.</summary>
        CountError = 0xCE,

        /// <summary>DUPLICATE_ERROR: creation of a file or application failed because it already exists.</summary>
        DuplicateError = 0xDE,

        /// <summary>EEPROM_ERROR: could not complete the NV-write operation (power loss); backup mechanism may have activated.</summary>
        EepromError = 0xEE,

        /// <summary>FILE_NOT_FOUND: specified file number does not exist.</summary>
        FileNotFound = 0xF0,

        /// <summary>FILE_INTEGRITY_ERROR: unrecoverable error within the file; the file will be disabled.</summary>
        FileIntegrityError = 0xF1,
    }
}
