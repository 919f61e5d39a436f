/** An invented family name no other run has used, so journeys never meet each other's families. */
export function inventedFamilyName(base: string): string {
  const letters = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${base}-${letters.charAt(0).toUpperCase()}${letters.slice(1)}`;
}
