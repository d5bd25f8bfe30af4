/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const MESSAGE_CONTENT_LENGTH = 2000;
export const EMBED_TITLE_LENGTH = 256;
export const EMBED_DESCRIPTION_LENGTH = 4096;
export const EMBED_FIELD_COUNT = 25;
export const EMBED_FIELD_NAME_LENGTH = 256;
export const EMBED_FIELD_VALUE_LENGTH = 1024;
export const EMBED_FOOTER_TEXT_LENGTH = 2048;
export const EMBED_AUTHOR_NAME_LENGTH = 256;
/** The sum of every embed's title, description, field names and values, footer text and author name, per message. */
export const EMBED_TOTAL_LENGTH = 6000;
export const EMBEDS_PER_MESSAGE = 10;
export const ACTION_ROWS_PER_MESSAGE = 5;
export const BUTTONS_PER_ROW = 5;
export const BUTTON_LABEL_LENGTH = 80;
export const CUSTOM_ID_LENGTH = 100;
export const AUTOCOMPLETE_CHOICES = 25;
export const CHOICE_NAME_LENGTH = 100;
export const CHOICE_VALUE_LENGTH = 100;
/** Discord invalidates an interaction that gets no callback (reply or deferral) within this many milliseconds. */
export const INTERACTION_CALLBACK_MS = 3000;
/**
 * A command that has neither replied nor deferred this long after its interaction arrived is deferred for it: half of
 * Discord's window, so that the deferral itself still lands in time on a slow network.
 */
export const AUTO_DEFER_MS = INTERACTION_CALLBACK_MS / 2;
