/** What a Hub pipeline task takes and gives, and the Hub's domain for it (its task taxonomy). */
interface TaskShape {
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

const NLP = "Natural Language Processing";
const text = (outputs: readonly string[] = ["string"]): TaskShape => ({ domain: NLP, inputs: ["string"], outputs });

const TASKS: Readonly<Record<string, TaskShape>> = {
  "text-generation": text(),
  "text2text-generation": text(),
  summarization: text(),
  translation: text(),
  "question-answering": text(),
  "table-question-answering": text(),
  "fill-mask": text(),
  "text-classification": text(),
  "token-classification": text(),
  "zero-shot-classification": text(),
  "sentence-similarity": text(["number"]),
  "feature-extraction": text(["vector"]),
  "image-classification": { domain: "Computer Vision", inputs: ["image"], outputs: ["string"] },
  "object-detection": { domain: "Computer Vision", inputs: ["image"], outputs: ["json"] },
  "image-segmentation": { domain: "Computer Vision", inputs: ["image"], outputs: ["image"] },
  "text-to-image": { domain: "Multimodal", inputs: ["string"], outputs: ["image"] },
  "image-to-text": { domain: "Multimodal", inputs: ["image"], outputs: ["string"] },
  "image-text-to-text": { domain: "Multimodal", inputs: ["image", "string"], outputs: ["string"] },
  "visual-question-answering": { domain: "Multimodal", inputs: ["image", "string"], outputs: ["string"] },
  "automatic-speech-recognition": { domain: "Audio", inputs: ["audio"], outputs: ["string"] },
  "text-to-speech": { domain: "Audio", inputs: ["string"], outputs: ["audio"] },
  "audio-classification": { domain: "Audio", inputs: ["audio"], outputs: ["string"] },
  "tabular-classification": { domain: "Tabular", inputs: ["csv"], outputs: ["string"] },
  "tabular-regression": { domain: "Tabular", inputs: ["csv"], outputs: ["number"] },
};

/** The shape of a task the Hub names; null for a task this table does not know. */
export function taskShape(task: string | null): TaskShape | null {
  return task === null ? null : (TASKS[task] ?? null);
}
