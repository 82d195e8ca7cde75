import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dockerfilePorts } from '../../../server/src/analysis/compose/dockerfile';
import { exposedByImage } from '../../../server/src/analysis/traefik/images';

const cases: {
  name: string;
  text: string;
  args?: Record<string, string | null>;
  target?: string;
  ports: number[];
  complete?: boolean;
}[] = [
  { name: 'EXPOSE 80/tcp 443', text: 'FROM node\nEXPOSE 80/tcp 443\n', ports: [80, 443] },
  { name: 'udp and lower case', text: 'from node\nexpose 53/udp\n', ports: [53] },
  { name: 'a range', text: 'FROM node\nEXPOSE 8000-8003\n', ports: [8000, 8001, 8002, 8003] },
  { name: 'a long range by its ends', text: 'FROM node\nEXPOSE 10000-20000\n', ports: [10000, 20000] },
  { name: 'ARG default', text: 'FROM node\nARG PORT=3000\nEXPOSE ${PORT}\n', ports: [3000] },
  { name: 'compose args win', text: 'FROM node\nARG PORT=3000\nEXPOSE $PORT\n', args: { PORT: '4000' }, ports: [4000] },
  {
    name: 'a global ARG redeclared in the stage keeps its default',
    text: 'ARG PORT=5000\nFROM node\nARG PORT\nEXPOSE $PORT\n',
    ports: [5000],
  },
  {
    name: 'a global ARG not redeclared is not in scope',
    text: 'ARG PORT=5000\nFROM node\nEXPOSE $PORT\n',
    ports: [],
    complete: false,
  },
  {
    name: 'ENV, both forms',
    text: 'FROM node\nENV A=1000 B=2000\nENV C 3000\nEXPOSE $A $B $C\n',
    ports: [1000, 2000, 3000],
  },
  { name: '${VAR:-default}', text: 'FROM node\nEXPOSE ${PORT:-8080}\n', ports: [8080] },
  { name: 'an unknown variable', text: 'FROM node\nEXPOSE $NOPE\n', ports: [], complete: false },
  {
    name: 'global ARG in FROM names the base image',
    text: 'ARG BASE=nginx:1.27\nFROM ${BASE}\nCOPY . /usr/share/nginx/html\n',
    ports: [80],
  },
  { name: 'line continuation', text: 'FROM node\nEXPOSE 80 \\\n  # a comment\n  443\n', ports: [80, 443] },
  { name: 'escape directive', text: '# escape=`\nFROM node\nEXPOSE 80 `\n  443\n', ports: [80, 443] },
  {
    name: 'a heredoc body is not read as instructions',
    text: 'FROM node\nRUN <<EOF\nEXPOSE 9999\nEOF\nEXPOSE 80\n',
    ports: [80],
  },
  {
    name: 'the last stage, inheriting from an earlier one',
    text: 'FROM node AS base\nEXPOSE 3000\nFROM base AS dev\nEXPOSE 9229\nFROM base\n',
    ports: [3000],
  },
  { name: 'the target stage', text: 'FROM node AS dev\nEXPOSE 9229\nFROM node\n', target: 'dev', ports: [9229] },
  { name: 'scratch exposes nothing', text: 'FROM node AS b\nEXPOSE 1\nFROM scratch\n', ports: [] },
  { name: 'an unknown base image', text: 'FROM myorg/base\nEXPOSE 80\n', ports: [80], complete: false },
  { name: 'the traefik image', text: 'FROM traefik:v3.3\nCOPY traefik.yml /etc/traefik/\n', ports: [80] },
  { name: '--platform before the image', text: 'FROM --platform=$BUILDPLATFORM nginx AS x\n', ports: [80] },
];

for (const c of cases) {
  test(`dockerfile: ${c.name}`, () => {
    const found = dockerfilePorts(
      c.text,
      { args: new Map(Object.entries(c.args ?? {})), target: c.target },
      exposedByImage,
    );
    assert.ok(found);
    assert.deepEqual(found.ports, c.ports);
    assert.equal(found.complete, c.complete ?? true);
  });
}

test('dockerfile: a target that is no stage', () => {
  assert.equal(dockerfilePorts('FROM node\n', { args: new Map(), target: 'nope' }, exposedByImage), undefined);
});
