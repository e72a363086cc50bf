/**
 * Terraform (HCL native syntax) strings and heredocs. In both, `${` and `%{` start template
 * sequences, so literal ones — policy variables such as `${aws:username}` or the `${*}` escape —
 * are doubled to `$${` and `%%{`.
 */
function escapeTemplateSequences(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

export function hclString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `"${escapeTemplateSequences(out)}"`;
}

/** An indented heredoc (`<<-EOT`) holding `body`; Terraform strips the common indentation. */
export function hclHeredoc(body: string, indent: string): string {
  const marker = 'EOT';
  const lines = escapeTemplateSequences(body).split('\n').map((line) => `${indent}  ${line}`);
  return `<<-${marker}\n${lines.join('\n')}\n${indent}${marker}`;
}
