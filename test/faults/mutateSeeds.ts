// Child process for the seeds race tests: churns a seeds folder (rewrites in place and by rename, deletes, renames,
// folders removed and recreated, files turned into folders or dangling links) until it gets SIGTERM, then leaves
// the folder in a settled state and prints "stopped <operations>". A separate process, so the churn really runs at
// the same time as the loader, not between its awaits.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { storyText } from './seedStory.js';

const dir = process.argv[2] ?? '';
const stories = Number(process.argv[3] ?? '60');
/** 'atomic': every rewrite goes through a temporary file and a rename; 'in-place': most rewrites truncate and write. */
const mode = process.argv[4] ?? 'atomic';
if (!dir || (mode !== 'atomic' && mode !== 'in-place')) throw new Error('usage: mutateSeeds.ts <seeds dir> [stories] [atomic|in-place]');
const folders = ['', 'desk-a', 'desk-b'];

// A fixed-seed generator: the same sequence of operations on every run.
let seed = 0x2545f491;
function random(n: number): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}

let version = 1;
const fileFor = (story: number) => path.join(dir, folders[story % folders.length]!, `story-${story}.md`);

function operate(): void {
  const story = random(stories);
  const file = fileFor(story);
  const folder = path.dirname(file);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
  switch (random(12)) {
    case 0:
      rewrite(story, file, mode === 'in-place');
      return;
    case 1:
      rewrite(story, file, false);
      return;
    case 2:
      rmSync(file, { force: true, recursive: true });
      return;
    case 3: // moved to another folder under another name: a new id with the same text
      if (existsSync(file)) renameSync(file, path.join(dir, folders[random(folders.length)]!, `moved-${story}-${(version += 1)}.md`));
      return;
    case 4: // emptied
      if (existsSync(file) && lstatSync(file).isFile()) truncateSync(file, 0);
      return;
    case 5: // a whole desk removed, and recreated empty
      if (random(4) === 0) {
        const desk = path.join(dir, folders[1 + random(2)]!);
        rmSync(desk, { recursive: true, force: true });
        mkdirSync(desk);
      }
      return;
    case 6: // a file replaced by a folder of the same name
      rmSync(file, { force: true, recursive: true });
      mkdirSync(file);
      return;
    case 7: // a file replaced by a dangling symbolic link
      rmSync(file, { force: true, recursive: true });
      symlinkSync(path.join(folder, 'nowhere.md'), file);
      return;
    case 8: // moved files are removed again, so the folder does not grow without end
      for (const name of readdirSync(folder)) if (name.startsWith('moved-') && random(3) === 0) rmSync(path.join(folder, name), { force: true, recursive: true });
      return;
    default: // written again (most operations: the folder keeps most of its stories)
      rewrite(story, file, mode === 'in-place');
      return;
  }
}

/** Writes a new version: in place (truncate, then write: a reader can catch it half-written) or through a rename. */
function rewrite(story: number, file: string, inPlace: boolean): void {
  // A folder or link left in the file's place by an earlier operation goes first.
  if (!isPlainFileOrAbsent(file)) rmSync(file, { force: true, recursive: true });
  if (inPlace) {
    writeFileSync(file, storyText(story, (version += 1)));
    return;
  }
  // As an editor saving through a temporary file: a reader sees the old file or the new one, never a mix.
  const temporary = path.join(path.dirname(file), `.story-${story}.tmp`);
  writeFileSync(temporary, storyText(story, (version += 1)));
  renameSync(temporary, file);
}

function isPlainFileOrAbsent(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return true;
  }
}

let stopping = false;
process.on('SIGTERM', () => (stopping = true));
let operations = 0;
for (const story of Array.from({ length: stories }, (_, index) => index)) {
  mkdirSync(path.dirname(fileFor(story)), { recursive: true });
  writeFileSync(fileFor(story), storyText(story, 0));
}
process.stdout.write('ready\n');
while (!stopping) {
  for (let batch = 0; batch < 25; batch += 1) {
    operate();
    operations += 1;
  }
  // Let the SIGTERM handler run.
  await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write(`stopped ${operations}\n`);
