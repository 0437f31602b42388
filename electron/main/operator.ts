/**
 * The operator's default name: the signed-in user's account name. `userInfo` throws on some
 * systems (no passwd entry in a container, for example), so the environment is asked next, and a
 * plain word last; the UI lets the admin change it.
 */
export function defaultOperator(
  userInfo: () => { readonly username: string },
  env: Readonly<Record<string, string | undefined>>,
): string {
  const clean = (name: string | undefined) =>
    (name ?? '')
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, 100);
  let name: string;
  try {
    name = clean(userInfo().username);
  } catch {
    name = '';
  }
  if (name === '') name = clean(env.USERNAME) || clean(env.USER) || clean(env.LOGNAME);
  return name === '' ? 'operator' : name;
}
