// Placeholders in packets written in other languages than English: `todo` is a Spanish and
// Portuguese word ("all"), so after a word it is read as one; after punctuation, or in capitals,
// it is still the marker.
import { describe, expect, it } from 'vitest';
import { itemPlaceholder } from '../../src/packet/evidence';

describe('todo in other languages', () => {
  it('is a word after a word, at the end or before a colon', () => {
    for (const text of [
      'Migré los 12 clústeres a Postgres 16 y lo documenté todo.',
      'Recorté el alcance del proyecto; lo revisé todo: logs, alertas y paneles',
      'Automatizamos quase todo',
      'Worked through the backlog and closed every to-do.',
    ])
      expect(itemPlaceholder(text, []), text).toBeUndefined();
  });

  it('is still the marker after punctuation, first, alone or in capitals', () => {
    for (const text of [
      'todo: write this up',
      'Cut the alert noise; numbers: todo',
      'Cut the alert noise — todo',
      'Cut the alert noise (todo: link)',
      'Cut the alert noise, todo',
      'Migré los clústeres. Todo: añadir los números',
      'Migré los clústeres y lo documenté TODO',
      'todo',
    ])
      expect(itemPlaceholder(text, []), text).toBeDefined();
  });
});
