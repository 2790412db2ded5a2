import { Pool } from 'pg';
import { DatabaseCorpus } from '../src/core/db/databaseCorpus';
const url = process.argv[2];
const phrases = [
  'the international community must redouble its efforts',
  'we reaffirm our commitment to the purposes and principles of the charter',
  'climate chnage is the defining issue of our time',
  'sustainable development goals agenda 2030 implementation',
  'my delegation wishes to congratulate you mr president on your election',
];
(async () => {
  const corpus = await DatabaseCorpus.open(url);
  await corpus.search('warm up the lexicon', { limit: 5 });
  const pool = new Pool({ connectionString: url });
  await pool.query(`CREATE OR REPLACE FUNCTION pg_temp.noop() RETURNS int LANGUAGE sql AS 'SELECT 1'`);
  for (const phrase of phrases) {
    const t = performance.now();
    await corpus.search(phrase, { limit: 5 });
    console.log(`${(performance.now() - t).toFixed(0)} ms  ${phrase}`);
  }
  await pool.end();
  await corpus.close();
})();
