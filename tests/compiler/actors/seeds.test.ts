import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveActors } from '../../../src/compiler/actors/resolveActors';
import { cleanText } from '../../../src/compiler/clean';
import { readArticle } from '../../../src/compiler/read';
import { segmentText } from '../../../src/compiler/segment';
import { CATALOG } from './helpers';

const SCM_ANNOUNCED = 'data/articles/2025-10-27-yonhap-security-talks.txt';
const SCM_DAY = 'data/articles/2025-11-04-yonhap-alliance-issues.txt';

function run(file: string) {
  const text = cleanText(readArticle(file, readFileSync(file)).body);
  return { text, ...resolveActors(text, segmentText(text), CATALOG) };
}

/** The first mention of these exact words after the given context words. */
function mentionAfter(file: string, context: string, words: string) {
  const { text, mentions } = run(file);
  const from = text.indexOf(context);
  expect(from).toBeGreaterThanOrEqual(0);
  return mentions.find((mention) => mention.start >= from && mention.text === words);
}

describe('seed articles', () => {
  it.each([
    [
      SCM_ANNOUNCED,
      [
        'ahn-gyu-back',
        'china',
        'lee-jae-myung',
        'ministry-of-national-defense',
        'north-korea',
        'pentagon',
        'pete-hegseth',
        'russia',
        'south-korea',
        'united-states',
        'us-forces-korea',
      ],
    ],
    [
      SCM_DAY,
      [
        'ahn-gyu-back',
        'donald-trump',
        'hanwha-ocean',
        'lee-jae-myung',
        'ministry-of-national-defense',
        'north-korea',
        'pentagon',
        'pete-hegseth',
        'russia',
        'south-korea',
        'united-states',
      ],
    ],
  ])("%s names the story's actors", (file, expected) => {
    const { actors } = run(file);
    expect(actors.map((actor) => actor.id)).toEqual(expect.arrayContaining(expected));
    expect(actors.find((actor) => actor.id === 'pete-hegseth')).toMatchObject({ name: 'Pete Hegseth', kind: 'person' });
  });

  it.each([
    // The first article, announcing the meeting.
    [SCM_ANNOUNCED, 'will meet for the 57th', 'Seoul', 'seoul', true],
    [SCM_ANNOUNCED, 'In a separate release', 'Pentagon', 'pentagon', false],
    [SCM_ANNOUNCED, 'also announced that', 'Hegseth', 'pete-hegseth', false],
    [SCM_ANNOUNCED, 'applaud', 'Seoul', 'south-korea', false],
    [SCM_ANNOUNCED, 'take him to', 'Hawaii', 'hawaii', true],
    [SCM_ANNOUNCED, 'take him to', 'Vietnam', 'vietnam', true],
    [SCM_ANNOUNCED, 'reaffirming', 'America', 'united-states', false],
    [SCM_ANNOUNCED, 'leadership, the', 'the Department', 'pentagon', false],
    [SCM_ANNOUNCED, 'partners," ', 'the department', 'pentagon', false],
    [SCM_ANNOUNCED, 'release. "', 'The Secretary', 'pete-hegseth', false],
    [SCM_ANNOUNCED, 'according to', 'the ministry', 'ministry-of-national-defense', false],
    [SCM_ANNOUNCED, 'It also comes as', 'Korea', 'south-korea', false],
    [SCM_ANNOUNCED, 'command from', 'Washington', 'united-states', false],
    [SCM_ANNOUNCED, 'within President', 'Lee Jae Myung', 'lee-jae-myung', false],
    // The second article, on the day of the meeting.
    [SCM_DAY, 'security talks in', 'Seoul', 'seoul', true],
    [SCM_DAY, 'SCM) at the', 'Defense Ministry', 'ministry-of-national-defense', true],
    [SCM_DAY, 'as well as', 'Seoul', 'south-korea', false],
    [SCM_DAY, 'operational control (Opcon) from', 'Washington', 'united-states', false],
    [SCM_DAY, 'South Korea has vowed', 'South Korea', 'south-korea', false],
    [SCM_DAY, 'In response', 'Ahn', 'ahn-gyu-back', false],
    [SCM_DAY, 'Wednesday,', 'Lee', 'lee-jae-myung', false],
    [SCM_DAY, 'Wednesday,', 'Trump', 'donald-trump', false],
    [SCM_DAY, 'city of', 'Gyeongju', 'gyeongju', true],
    [SCM_DAY, 'run by', 'Hanwha Ocean', 'hanwha-ocean', false],
    [SCM_DAY, 'The U.S.', 'U.S. Department of War', 'pentagon', false],
    [SCM_DAY, 'arrived in', 'South Korea', 'south-korea', true],
    [SCM_DAY, 'visits to', 'Japan', 'japan', true],
    [SCM_DAY, 'visits to', 'Malaysia', 'malaysia', true],
  ])('%s: after %j, %j is %s (locative %s)', (file, context, words, actor, locative) => {
    expect(mentionAfter(file, context, words)).toMatchObject({ actor, locative });
  });

  it('takes nothing from photo credits, bylines or page furniture', () => {
    const { text, mentions } = run(SCM_DAY);
    const furniture = ['[MINISTRY OF NATIONAL DEFENSE]', 'Log in to Twitter', 'Standards Board Policy', 'Home > National'];
    for (const words of furniture) {
      const at = text.indexOf(words);
      expect(mentions.filter((mention) => mention.start >= at && mention.end <= at + words.length)).toEqual([]);
    }
    expect(run(SCM_DAY).actors.map((actor) => actor.id)).not.toContain('yonhap');
  });
});
