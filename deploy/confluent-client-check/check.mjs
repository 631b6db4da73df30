// Talks to a schema registry with an independent Confluent-compatible client and prints one JSON line:
// what it decoded from the given Confluent-wire-format bytes, and bytes it encoded itself.
// usage: node check.mjs <registry url> <hex bytes written by another client> <subject to register under>
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';

const [url, hex, subject] = process.argv.slice(2);
if (!url || !hex || !subject) {
  console.error('usage: node check.mjs <registry url> <hex bytes> <subject>');
  process.exit(2);
}
const registry = new SchemaRegistry({ host: url });
const probe = {
  type: 'record', name: 'ClientProbe', namespace: 'org.example.independent',
  doc: 'A record registered by the independent client.',
  fields: [{ name: 'caseId', type: 'string' }, { name: 'count', type: 'int' }],
};
try {
  const decoded = await registry.decode(Buffer.from(hex, 'hex'));
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(probe) }, { subject });
  const again = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(probe) }, { subject });
  const latestId = await registry.getLatestSchemaId(subject);
  const fetched = await registry.getSchema(id);
  const encoded = await registry.encode(id, { caseId: 'C-FROM-NODE', count: 42 });
  console.log(JSON.stringify({
    decoded,
    registeredId: id,
    sameIdTwice: again.id === id,
    latestId,
    fetchedName: fetched.name,
    encodedHex: encoded.toString('hex'),
  }, (k, v) => (typeof v === 'bigint' ? v.toString() : v)));
} catch (e) {
  console.error(`client error: ${e.message}`);
  process.exit(1);
}
