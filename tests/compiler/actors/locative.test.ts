import { describe, expect, it } from 'vitest';
import { continuesList, isLocative, placeContext } from '../../../src/compiler/actors/locative';
import { mentionList } from './helpers';

describe('placeContext', () => {
  it.each([
    ['talks in ', 'area'],
    ['held at the ', 'site'],
    ['a trip to ', 'area'],
    ['the southeastern city of ', 'area'],
    ['factories in northern ', 'area'],
    ['focus on the ', 'surface'],
    ['control from ', 'none'],
    ['said ', 'none'],
  ])('%j → %s', (before, context) => {
    expect(placeContext(`${before}X`, before.length)).toBe(context);
  });
});

describe('isLocative', () => {
  it.each([
    ['area', 'country', false, true],
    ['area', 'organization', false, false],
    ['site', 'organization', false, true],
    ['surface', 'country', false, false],
    ['area', 'place', true, false],
    ['site', 'person', false, false],
    ['none', 'place', false, false],
  ] as const)('%s + %s (possessive %s) → %s', (context, kind, possessive, expected) => {
    expect(isLocative(context, kind, possessive)).toBe(expected);
  });

  it.each([
    [', ', true],
    [' and ', true],
    [', and ', true],
    [' or ', true],
    [' with ', false],
    ['. ', false],
  ])('continuesList(%j) → %s', (between, expected) => {
    expect(continuesList(between)).toBe(expected);
  });
});

describe('locative mentions and metonymy', () => {
  it.each([
    ['The talks will be held in Seoul on Tuesday.', ['Seoul→seoul@']],
    ["Seoul's push for the transfer continues.", ['Seoul→south-korea']],
    ['Seoul has vowed to regain control from Washington.', ['Seoul→south-korea', 'Washington→united-states']],
    ['Officials flew to Washington for the talks.', ['Washington→washington-dc@']],
    [
      'The meeting took place at the Defense Ministry in Seoul.',
      ['Defense Ministry→ministry-of-national-defense@', 'Seoul→seoul@'],
    ],
    ['His tour includes visits to Japan, Malaysia and Vietnam.', ['Japan→japan@', 'Malaysia→malaysia@', 'Vietnam→vietnam@']],
    ['Japan and Malaysia signed the pact.', ['Japan→japan', 'Malaysia→malaysia']],
    ['Tokyo protested the launch.', ['Tokyo→japan']],
    ['The court in Tokyo ruled on Thursday.', ['Tokyo→tokyo@']],
    ['A shipyard in Philadelphia will build it.', ['Philadelphia→philadelphia@']],
    ['It will be built at a Philadelphia shipyard.', ['Philadelphia→philadelphia@']],
    ['Sanctions on North Korea were tightened.', ['North Korea→north-korea']],
    ['The strike spread across northern Chile.', ['Chile→chile@']],
    ['Workers at Codelco Mining Group walked out.', ['Codelco Mining Group→codelco-mining-group@']],
    ['The vote came in New York.', ['New York→new-york@']],
  ])('%s', (text, expected) => {
    expect(mentionList(text)).toEqual(expected);
  });
});
