"""A Modbus TCP server built on pymodbus, the peer the connector's ITs read and write.

Serves unit 1 with an SDM630-like input register map (float32, high word first) and a holding
register map with one value of every data type the connector decodes. Listens on 127.0.0.1 at the
port given as the only argument (0 for any free one) and prints "PORT <n>" once it accepts
connections. Runs until killed.
"""
import asyncio
import struct
import sys

from pymodbus.datastore import (ModbusSequentialDataBlock, ModbusServerContext,
                                ModbusSlaveContext)
from pymodbus.server.async_io import ModbusTcpServer


def words(fmt, value):
    """The registers of a value packed big-endian (high word and high byte first)."""
    raw = struct.pack(">" + fmt, value)
    return [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]


def input_registers():
    ir = [0] * 400
    meter = {0: 230.1, 2: 231.2, 4: 229.3, 6: 1.5, 8: 2.5, 10: 3.5,
             52: 1234.5, 70: 50.0, 72: 12345.6}
    for address, value in meter.items():
        ir[address:address + 2] = words("f", value)
    return ir


def holding_registers():
    hr = [0] * 400
    hr[100:101] = words("h", -1234)
    hr[101:102] = words("H", 65000)
    hr[102:104] = words("i", -123456)
    hr[104:106] = list(reversed(words("I", 4000000000)))       # low word first
    hr[106:110] = words("q", -9876543210)
    hr[110:114] = words("Q", 12345678901234)
    hr[114:118] = words("d", 3.14159265358979)
    hr[118:120] = [((w & 0xFF) << 8) | (w >> 8) for w in words("f", 21.5)]  # bytes swapped
    hr[120] = 0b0000_0000_1010_0101                              # bit 0 set, bits 4..7 = 10
    hr[121:129] = [int.from_bytes(b"SDM630-PY\0\0\0\0\0\0\0"[i:i + 2], "big") for i in range(0, 16, 2)]
    hr[130] = 2305                                                # SunSpec value ...
    hr[131:132] = words("h", -1)                                  # ... and its scale factor
    hr[200:201] = words("h", 215)                                 # a writable set point, x0.1
    hr[202:204] = words("f", 7.25)                                # a writable float
    return hr


async def main(port):
    unit = ModbusSlaveContext(
        di=ModbusSequentialDataBlock(0, [1, 0] + [0] * 98),
        co=ModbusSequentialDataBlock(0, [0] * 100),
        hr=ModbusSequentialDataBlock(0, holding_registers()),
        ir=ModbusSequentialDataBlock(0, input_registers()),
        zero_mode=True)
    context = ModbusServerContext(slaves={1: unit}, single=False)
    server = ModbusTcpServer(context, address=("127.0.0.1", port), allow_reuse_address=True)
    serving = asyncio.ensure_future(server.serve_forever())
    await server.serving
    print("PORT", server.server.sockets[0].getsockname()[1], flush=True)
    await serving


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
