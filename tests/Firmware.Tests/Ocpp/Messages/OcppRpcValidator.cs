using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>
/// The strict central system's own payload validator: ocpp-rpc's createValidator('ocpp1.6', schemas) (ajv with
/// ajv-formats and ocpp-rpc's multipleOf rule), run by Node.js once per batch of payloads. Skips the test when Node.js
/// or the package is missing.
/// </summary>
internal static class OcppRpcValidator
{
    private const string Script = @"
const fs = require('fs');
const [validatorPath, schemaPath] = process.argv.slice(1);
const { createValidator } = require(validatorPath);
const validator = createValidator('ocpp1.6', JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
const results = cases.map(c => {
  try {
    return { valid: validator.validate('urn:' + c.schema, JSON.parse(c.json)) === true, code: null, message: null };
  } catch (e) {
    return { valid: false, code: e.rpcErrorCode || null, message: e.message };
  }
});
process.stdout.write(JSON.stringify(results));
";

    /// <summary>Validates each (schema name such as "BootNotification.req", payload JSON) pair.</summary>
    public static IReadOnlyList<Result> Validate(IReadOnlyList<(string Schema, string Json)> cases)
    {
        string schemaPath = OcppSchemaFile.Require();
        string validatorPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(schemaPath), "..", "validator.js"));
        Skip.IfNot(File.Exists(validatorPath), "ocpp-rpc's validator not found at " + validatorPath);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(validatorPath);
        start.ArgumentList.Add(schemaPath);

        Process node;
        try
        {
            node = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            Skip.If(true, "Node.js (node) is not on PATH: " + e.Message);
            throw;
        }

        using (node)
        {
            string input = JsonSerializer.Serialize(cases.Select(c => new { schema = c.Schema, json = c.Json }));
            node.StandardInput.Write(input);
            node.StandardInput.Close();
            var error = node.StandardError.ReadToEndAsync();
            string output = node.StandardOutput.ReadToEnd();
            Assert.True(node.WaitForExit(60_000), "node did not finish within 60 s");
            Assert.True(node.ExitCode == 0, "node failed: " + error.Result);
            Result[] results = JsonSerializer.Deserialize<Result[]>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            Assert.Equal(cases.Count, results.Length);
            return results;
        }
    }

    /// <summary>One verdict: valid, or the error code ocpp-rpc gives (before its 1.6 renaming) and ajv's message.</summary>
    internal sealed record Result(bool Valid, string Code, string Message);
}
