using System.Text;
using Wallbox.Firmware.Storage;

namespace Wallbox.Firmware.Tests.Storage;

public sealed class Crc32Tests
{
    [Fact]
    public void Check_value_of_123456789_is_CBF43926()
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");

        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Incremental_computation_equals_one_shot()
    {
        byte[] data = Encoding.ASCII.GetBytes("The quick brown fox");
        uint crc = Crc32.Start();
        crc = Crc32.Update(crc, data, 0, 4);
        crc = Crc32.Update(crc, data, 4, data.Length - 4);

        Assert.Equal(Crc32.Compute(data, 0, data.Length), Crc32.Finish(crc));
    }
}
