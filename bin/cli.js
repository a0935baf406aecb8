// `npm run cli -- <command>`: build if needed, then run the command from the server bundle.
import { pathToFileURL } from "node:url";
import { BUILD_FILE, buildIfNeeded } from "./build-if-needed.js";

process.env.NODE_ENV ??= "production";
buildIfNeeded();
const { runCli } = await import(pathToFileURL(BUILD_FILE).href);
await runCli(process.argv.slice(2));
