// `npm start`: build if needed, then run the server from the bundle (one module graph, no loader).
import { pathToFileURL } from "node:url";
import { BUILD_FILE, buildIfNeeded } from "./build-if-needed.js";

process.env.NODE_ENV ??= "production";
buildIfNeeded();
const { start } = await import(pathToFileURL(BUILD_FILE).href);
await start();
