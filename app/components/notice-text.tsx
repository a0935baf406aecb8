// A notice's text (privacy notice, accessibility statement) as headings, paragraphs and lists.
// The text is the organisation's: shown escaped like any stored text, never as HTML.
import { noticeBlocks } from "~/domain/notices";

export function NoticeText({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="notice-text">
      {noticeBlocks(text).map((block, i) =>
        block.type === "heading" ? (
          <Heading key={i}>{block.text}</Heading>
        ) : block.type === "list" ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{block.text}</p>
        ),
      )}
    </div>
  );
}
