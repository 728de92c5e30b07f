// An OPC UA server written with node-opcua, used by the connector's integration tests as a peer nobody here wrote.
// Usage: node server.js <port|0> <pki directory>
// Prints "LISTENING <port>" once clients can connect; stops cleanly on SIGTERM.
"use strict";
const net = require("net");
const path = require("path");
const {
  OPCUAServer, OPCUACertificateManager, Variant, DataType, StatusCodes, SecurityPolicy, MessageSecurityMode,
  standardUnits,
} = require("node-opcua");

const NAMESPACE = "urn:caretaker:test-peer";

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function main() {
  const requested = parseInt(process.argv[2] || "0", 10);
  const pki = process.argv[3] || path.join(__dirname, ".pki");
  const port = requested === 0 ? await freePort() : requested;

  const server = new OPCUAServer({
    port,
    hostname: "127.0.0.1",
    resourcePath: "/peer",
    allowAnonymous: true,
    securityModes: [MessageSecurityMode.None],
    securityPolicies: [SecurityPolicy.None],
    serverCertificateManager: new OPCUACertificateManager({ rootFolder: path.join(pki, "server"), automaticallyAcceptUnknownCertificate: true }),
    userCertificateManager: new OPCUACertificateManager({ rootFolder: path.join(pki, "user"), automaticallyAcceptUnknownCertificate: true }),
    buildInfo: { productName: "caretaker-test-peer" },
  });
  await server.initialize();

  const addressSpace = server.engine.addressSpace;
  const ns = addressSpace.registerNamespace(NAMESPACE);
  const boiler = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: "Boiler1", nodeId: "s=Boiler1" });

  let flow = 65.0;
  let starts = 0;
  const flowTemperature = ns.addAnalogDataItem({
    componentOf: boiler,
    browseName: "FlowTemperature",
    nodeId: "s=Boiler1.FlowTemperature",
    dataType: "Double",
    minimumSamplingInterval: 100,
    engineeringUnitsRange: { low: 0, high: 120 },
    engineeringUnits: standardUnits.degree_celsius,
    value: { get: () => new Variant({ dataType: DataType.Double, value: flow }) },
  });
  ns.addVariable({
    componentOf: boiler,
    browseName: "BurnerOn",
    nodeId: "s=Boiler1.BurnerOn",
    dataType: "Boolean",
    minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.Boolean, value: true }) },
  });
  ns.addVariable({
    componentOf: boiler,
    browseName: "BurnerStarts",
    nodeId: "s=Boiler1.BurnerStarts",
    dataType: "UInt32",
    minimumSamplingInterval: 100,
    value: { get: () => new Variant({ dataType: DataType.UInt32, value: starts }) },
  });

  // A real controller's value moves a little; each change reaches subscribers with a fresh source timestamp.
  const ticker = setInterval(() => {
    flow = 65.0 + Math.round((Math.random() - 0.5) * 10) / 10;
    starts += 1;
    flowTemperature.touchValue();
  }, 250);

  await server.start();
  process.stdout.write(`LISTENING ${port}\n`);

  const stop = async () => {
    clearInterval(ticker);
    await server.shutdown(0);
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  process.stderr.write(`peer failed: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
