/**
 * One thread of the Zopfli pool (zopfli-pool.ts): gzips what it is sent, one file at a time,
 * with its own instance of Zopfli's WebAssembly. Plain JavaScript, because Node starts a worker
 * from a file it can run as it is, in the build and in the tests alike.
 */
import { parentPort } from 'node:worker_threads';
import zopfli from '@gfx/zopfli';

parentPort.on('message', ({ id, bytes, options }) => {
  zopfli.gzip(bytes, options, (error, gz) => {
    if (error) parentPort.postMessage({ id, error: String(error) });
    else parentPort.postMessage({ id, gz }, [gz.buffer]);
  });
});
