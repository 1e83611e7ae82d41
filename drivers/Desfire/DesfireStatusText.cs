namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// Human-readable descriptions of <see cref="DesfireStatus"/> codes for logs and diagnostics (wording after the NXP
    /// MF3ICDx81 datasheet's status table). Never contains card data or keys.
    /// </summary>
    public static class DesfireStatusText
    {
        /// <summary>"0xAE AUTHENTICATION_ERROR: …" for a status byte (0..255); unknown codes are named as such.</summary>
        public static string Describe(int status)
        {
            string code = Hex(status);
            switch (status)
            {
                case (int)DesfireStatus.OperationOk: return code + " OPERATION_OK: successful operation";
                case (int)DesfireStatus.NoChanges: return code + " NO_CHANGES: no changes done to backup files";
                case (int)DesfireStatus.OutOfEepromError: return code + " OUT_OF_EEPROM_ERROR: insufficient memory on the card";
                case (int)DesfireStatus.IllegalCommandCode: return code + " ILLEGAL_COMMAND_CODE: command not supported by the card";
                case (int)DesfireStatus.IntegrityError: return code + " INTEGRITY_ERROR: CRC or MAC does not match the data, or invalid padding";
                case (int)DesfireStatus.NoSuchKey: return code + " NO_SUCH_KEY: the key number does not exist in the application";
                case (int)DesfireStatus.LengthError: return code + " LENGTH_ERROR: command length invalid";
                case (int)DesfireStatus.PermissionDenied: return code + " PERMISSION_DENIED: configuration or state does not allow the command";
                case (int)DesfireStatus.ParameterError: return code + " PARAMETER_ERROR: a parameter value is invalid";
                case (int)DesfireStatus.ApplicationNotFound: return code + " APPLICATION_NOT_FOUND: the application is not on the card";
                case (int)DesfireStatus.ApplicationIntegrityError: return code + " APPL_INTEGRITY_ERROR: unrecoverable error in the application";
                case (int)DesfireStatus.AuthenticationError: return code + " AUTHENTICATION_ERROR: authentication failed or required (wrong key?)";
                case (int)DesfireStatus.AdditionalFrame: return code + " ADDITIONAL_FRAME: more data frames follow";
                case (int)DesfireStatus.BoundaryError: return code + " BOUNDARY_ERROR: read or write beyond the file limits";
                case (int)DesfireStatus.PiccIntegrityError: return code + " PICC_INTEGRITY_ERROR: unrecoverable error in the card";
                case (int)DesfireStatus.CommandAborted: return code + " COMMAND_ABORTED: previous command not completed";
                case (int)DesfireStatus.PiccDisabledError: return code + " PICC_DISABLED_ERROR: the card is disabled";
                case (int)DesfireStatus.CountError: return code + " COUNT_ERROR: too many applications";
                case (int)DesfireStatus.DuplicateError: return code + " DUPLICATE_ERROR: file or application already exists";
                case (int)DesfireStatus.EepromError: return code + " EEPROM_ERROR: memory write could not be completed";
                case (int)DesfireStatus.FileNotFound: return code + " FILE_NOT_FOUND: the file number does not exist";
                case (int)DesfireStatus.FileIntegrityError: return code + " FILE_INTEGRITY_ERROR: unrecoverable error in the file";
                default: return code + " unknown DESFire status";
            }
        }

        /// <summary>True for the two codes that are not errors (OPERATION_OK, ADDITIONAL_FRAME) and NO_CHANGES.</summary>
        public static bool IsSuccess(int status)
        {
            return status == (int)DesfireStatus.OperationOk || status == (int)DesfireStatus.AdditionalFrame
                || status == (int)DesfireStatus.NoChanges;
        }

        private static string Hex(int value)
        {
            return "0x" + ((byte)value).ToString("X2");
        }
    }
}
