// undici has no "exports" map, so its Pool module can be imported on its own (upstream-pool.ts);
// it is the class undici's index exports as `Pool`.
declare module 'undici/lib/dispatcher/pool.js' {
  import { Pool } from 'undici';
  export default Pool;
}
