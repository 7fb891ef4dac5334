// Renders a live article as an HTML page with its author box, medical review box and corrections, using only
// the generated client (npm-ready in api/target/typescript-client after ./mvnw package). Node 18+ has fetch.
//
//   node dist/clients/typescript/example/src/render.js http://localhost:8080 immunotherapy-treatment-effect-risks > article.html
import { Configuration, ArticleResourceApi, PublicArticle } from "../../../../api/target/typescript-client/src";

// The little of Node this script uses, so it needs no type packages besides TypeScript.
declare const process: {
  argv: string[];
  stdout: { write(text: string): void };
  exit(code: number): never;
};

/** Every field except body.html and jsonLdScript is plain text: escape it. */
function text(value: string | null | undefined): string {
  return (value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function render(article: PublicArticle): string {
  const authors = (article.authors ?? [])
    .map(
      (a) => `<div class="author-box"><strong>${text(a.name)}</strong>${a.credentials ? ", " + text(a.credentials) : ""}` +
        `<p>${text(a.bio)}</p></div>`,
    )
    .join("\n");
  const review = article.medicalReview;
  const reviewBox = review?.reviewerName
    ? `<aside class="medical-review">Medically reviewed by <strong>${text(review.reviewerName)}</strong>` +
      `${review.reviewerCredentials ? ", " + text(review.reviewerCredentials) : ""}` +
      ` on ${text(review.reviewedAt?.toISOString().slice(0, 10))}; next review due ` +
      `${text(review.nextReviewDue?.toISOString().slice(0, 10))} (${text(review.status)})</aside>`
    : `<aside class="medical-review">Not yet medically reviewed</aside>`;
  const corrections = (article.corrections ?? []).length === 0
    ? ""
    : `<section class="corrections"><h2>Corrections</h2><ul>` +
      (article.corrections ?? [])
        .map((c) => `<li>${text(c.date?.toISOString().slice(0, 10))} (${text(c.changeClass)}): ${text(c.note)}</li>`)
        .join("") +
      `</ul></section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${text(article.title)}</title>
<script type="application/ld+json">${article.jsonLdScript ?? ""}</script></head>
<body><article>
<h1>${text(article.title)}</h1>
<p class="lead">${text(article.summary)}</p>
${authors}
${reviewBox}
${article.body?.html ?? ""}
${corrections}
</article></body></html>
`;
}

async function main(): Promise<void> {
  const [baseUrl, slug] = process.argv.slice(2);
  if (!baseUrl || !slug) {
    throw new Error("usage: render.js <api base URL> <article slug>");
  }
  const api = new ArticleResourceApi(new Configuration({ basePath: baseUrl }));
  const article = await api.getArticle({ slug });
  process.stdout.write(render(article));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
