using System;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>Validate checks an instance before it is sent, with the codes and paths decoding uses.</summary>
public sealed class PayloadValidationTests
{
    private readonly OcppDecodeError _error = new OcppDecodeError();

    [Fact]
    public void A_new_request_misses_its_first_required_property()
    {
        Assert.False(new BootNotificationRequest().Validate(_error));

        Assert.Equal(OcppErrorCode.OccurenceConstraintViolation, _error.Code);
        Assert.Equal("chargePointVendor: required property missing", _error.Description);
    }

    [Fact]
    public void A_required_enum_left_Unset_is_missing()
    {
        var confirmation = new BootNotificationConfirmation { CurrentTime = PayloadFiller.TimestampMs, Interval = 300 };

        Assert.False(confirmation.Validate(_error));

        Assert.Equal(OcppErrorCode.OccurenceConstraintViolation, _error.Code);
        Assert.Equal("status: required property missing", _error.Description);
    }

    [Fact]
    public void An_enum_value_outside_the_type_is_not_one_of_its_values()
    {
        var request = new ResetRequest { Type = (ResetType)7 };

        Assert.False(request.Validate(_error));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, _error.Code);
        Assert.Equal("type: not one of Hard, Soft", _error.Description);
    }

    [Fact]
    public void A_string_longer_than_maxLength_code_points_is_refused_and_one_of_exactly_maxLength_is_not()
    {
        var request = new AuthorizeRequest { IdTag = "😀" + new string('x', AuthorizeRequest.IdTagMaxLength - 1) };
        Assert.True(request.Validate(_error), _error.Description);

        request.IdTag += "x";

        Assert.False(request.Validate(_error));
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, _error.Code);
        Assert.Equal("idTag: longer than 20 characters", _error.Description);
    }

    [Fact]
    public void A_limit_that_is_not_a_multiple_of_0_1_is_refused_with_its_path()
    {
        SetChargingProfileRequest request = PayloadFiller.Fill(new SetChargingProfileRequest());
        request.CsChargingProfiles.ChargingSchedule.ChargingSchedulePeriod[1].Limit = 6.25;

        Assert.False(request.Validate(_error));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, _error.Code);
        Assert.Equal("csChargingProfiles.chargingSchedule.chargingSchedulePeriod[1].limit: not a multiple of 0.1", _error.Description);
    }

    [Fact]
    public void A_number_JSON_cannot_carry_is_refused()
    {
        ChargingSchedule schedule = PayloadFiller.Fill(new ChargingSchedule());
        schedule.MinChargingRate = double.NaN;

        Assert.False(schedule.Validate(_error, new OcppPayloadPath()));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, _error.Code);
        Assert.Equal("minChargingRate: not a finite number", _error.Description);
    }

    [Fact]
    public void An_optional_number_is_checked_only_when_present()
    {
        ChargingSchedule schedule = PayloadFiller.Fill(new ChargingSchedule());
        schedule.MinChargingRate = double.NaN;
        schedule.HasMinChargingRate = false;

        Assert.True(schedule.Validate(_error, new OcppPayloadPath()), _error.Description);
    }

    [Fact]
    public void An_array_shorter_than_minItems_is_refused()
    {
        var confirmation = new GetInstalledCertificateIdsConfirmation
        {
            Status = GetInstalledCertificateStatusEnum.Accepted,
            CertificateHashData = new CertificateHashData[0],
        };

        Assert.False(confirmation.Validate(_error));

        Assert.Equal(OcppErrorCode.OccurenceConstraintViolation, _error.Code);
        Assert.Equal("certificateHashData: fewer than 1 item", _error.Description);
    }

    [Fact]
    public void A_null_array_item_is_a_missing_item_and_a_missing_nested_array_names_its_path()
    {
        MeterValuesRequest request = PayloadFiller.Fill(new MeterValuesRequest());
        request.MeterValue[1] = null;
        Assert.False(request.Validate(_error));
        Assert.Equal(OcppErrorCode.OccurenceConstraintViolation, _error.Code);
        Assert.Equal("meterValue[1]: missing item", _error.Description);

        _error.Clear();
        request = PayloadFiller.Fill(new MeterValuesRequest());
        request.MeterValue[0].SampledValue = null;
        Assert.False(request.Validate(_error));
        Assert.Equal("meterValue[0].sampledValue: required property missing", _error.Description);
    }

    [Fact]
    public void A_timestamp_the_writer_cannot_spell_is_refused()
    {
        var request = new HeartbeatConfirmation { CurrentTime = -1 };

        Assert.False(request.Validate(_error));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, _error.Code);
        Assert.Equal("currentTime: not an ISO 8601 date-time with time zone in 1970..9999", _error.Description);
    }

    [Fact]
    public void A_URI_field_must_hold_a_URI()
    {
        var request = new GetDiagnosticsRequest { Location = "/var/log/diagnostics" };

        Assert.False(request.Validate(_error));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, _error.Code);
        Assert.Equal("location: not a URI (RFC 3986)", _error.Description);
    }

    [Fact]
    public void A_required_nested_object_missing_is_refused_and_its_own_fields_are_checked_with_their_path()
    {
        var request = new SignedUpdateFirmwareRequest { RequestId = 1 };
        Assert.False(request.Validate(_error));
        Assert.Equal("firmware: required property missing", _error.Description);

        _error.Clear();
        request.Firmware = PayloadFiller.Fill(new FirmwareType());
        request.Firmware.Signature = new string('s', FirmwareType.SignatureMaxLength + 1);
        Assert.False(request.Validate(_error));
        Assert.Equal("firmware.signature: longer than 800 characters", _error.Description);
    }

    [Fact]
    public void An_invalid_instance_is_still_written_as_JSON_with_null_for_what_is_missing()
    {
        string json = PayloadCodec.Text(new AuthorizeConfirmation());

        Assert.Equal("{\"idTagInfo\":null}", json);
    }

    [Fact]
    public void Absent_optional_fields_are_not_written()
    {
        var request = new StopTransactionRequest { MeterStop = 1500, Timestamp = PayloadFiller.TimestampMs, TransactionId = 12 };

        Assert.True(request.Validate(_error), _error.Description);
        Assert.Equal("{\"meterStop\":1500,\"timestamp\":\"2023-11-14T22:13:20.123Z\",\"transactionId\":12}", PayloadCodec.Text(request));
    }
}
