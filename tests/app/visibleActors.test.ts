import { describe, expect, it } from 'vitest';
import { visibleActors } from '../../src/app/actors/visibleActors';
import { makeActor } from '../fixtures/timeline/builders';

const actors = [
  makeActor('Pete Hegseth', { aliases: ['the Secretary'] }),
  makeActor('Ahn Gyu-back'),
  makeActor('Élodie Martin'),
  makeActor('Harbour Authority', { kind: 'organization' }),
];

describe('visibleActors', () => {
  it.each([
    ['', ['pete-hegseth', 'ahn-gyu-back', 'elodie-martin', 'harbour-authority']],
    ['heg', ['pete-hegseth']],
    ['secretary', ['pete-hegseth']],
    ['elodie', ['elodie-martin']],
    ['gyu back', ['ahn-gyu-back']],
    ['zzz', []],
  ])('finding %j lists %j', (find, expected) => {
    expect(visibleActors(actors, find, []).map((actor) => actor.id)).toEqual(expected);
  });

  it('never hides a chosen actor', () => {
    expect(visibleActors(actors, 'heg', ['harbour-authority']).map((actor) => actor.id)).toEqual([
      'pete-hegseth',
      'harbour-authority',
    ]);
  });
});
