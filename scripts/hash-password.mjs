#!/usr/bin/env node
// `pnpm --silent hash-password`: reads a password on standard input and prints only its hash, the
// `passwordHash` to put in CONSOLE_USERS_FILE. At a terminal it prompts (on stderr) without echo
// and asks twice; otherwise it reads all of stdin and drops one trailing newline:
//   printf '%s' "$PASSWORD" | pnpm --silent hash-password
// The KDF lives in apps/bff/src/auth/password-hash.ts (the BFF verifies with the same module).
import { Buffer } from 'node:buffer';
import process from 'node:process';

const MAX_LENGTH = 256; // what the sign-in form accepts (SignInBody in @dsc/api-types)

function fail(message) {
  process.stderr.write(`hash-password: ${message}\n`);
  process.exit(1);
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Reads one line from the terminal with echo off. */
function readHidden(prompt) {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  return new Promise((resolve) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (text) => {
      for (const ch of text) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

let password;
if (process.stdin.isTTY) {
  password = await readHidden('Password: ');
  const again = await readHidden('Repeat it: ');
  if (again !== password) fail('the two entries differ');
} else {
  password = await readAll(process.stdin);
}
if (password.length === 0) fail('the password is empty');
if (password.length > MAX_LENGTH) fail(`the password is longer than ${MAX_LENGTH} characters`);

const { register } = await import('tsx/esm/api');
register();
const { hashPassword } = await import('../apps/bff/src/auth/password-hash.ts');
process.stdout.write(`${await hashPassword(password)}\n`);
