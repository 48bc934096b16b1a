/**
 * The workspace's only script: j / k walk to the next / previous finding (the links marked
 * rel=next / rel=prev on the page). A progressive enhancement: every page works without it, and
 * it is served from our origin under a content-hashed path because the CSP forbids inline script.
 */
import { hash32 } from '../lib/hash';

export const REVIEW_KEYS_JS = `(function(){
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
    var rel = e.key === 'j' ? 'next' : e.key === 'k' ? 'prev' : null;
    if (!rel) return;
    var a = document.querySelector('a[data-walk="' + rel + '"]');
    if (a && a.href) { e.preventDefault(); window.location.assign(a.href); }
  });
})();
`;

/** Content-hashed path of the script. */
export const REVIEW_KEYS_JS_PATH = `/static/review-keys.${hash32(REVIEW_KEYS_JS).toString(36)}.js`;
