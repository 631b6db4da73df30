// Signs a roster member in: the token is checked by GET /api/v1/session, which names the role;
// a trainer goes to the trainer's view, a player to their node's inbox.
import { call, explain, signIn, signOut } from './api.js';

document.getElementById('sign-in').addEventListener('submit', async (submitted) => {
  submitted.preventDefault();
  signIn(document.getElementById('token').value.trim());
  const session = await call('GET', '/session');
  if (session.status !== 200) {
    signOut();
    document.getElementById('sign-in-error').textContent = `Not signed in: ${explain(session)}`;
    return;
  }
  const { role, node } = session.body;
  if (role === 'TRAINER') location.assign('trainer.html');
  else if (role === 'PLAYER') location.assign(`player.html?node=${encodeURIComponent(node)}`);
  else document.getElementById('sign-in-error').textContent = `A ${role} member has no view in the console; use the API`;
});
