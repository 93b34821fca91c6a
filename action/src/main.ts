/** The action's entry point (the bundle's top level): see entry.ts. */
import { main } from './entry';

await main(process.env);
