// Emoji, kaomoji and bracketed platform stickers ([赞] on Weibo/WeChat/Taobao). ASCII emoticons such as
// :) and :( come with the VADER lexicon; these are the ones it lacks. Same scale as the word lexicons.

const emoji: Array<[number, string]> = [
  [2.5, '😍 🥰 😘 🤩 😻 💯 🎉 🥳 ❤ ❤️ 💕 💖 💗 💓 💞 💘 💝 👍 👍🏻 👍🏼 👍🏽 👏 👏🏻 🙌 💪 ✨ 🌟 ⭐ 🏆 🥇 👌 👌🏻'],
  [1.5, '😀 😁 😃 😄 😆 😊 ☺ ☺️ 🙂 😋 😎 😉 🤗 😇 😌 🤤 💐 🌹 🌸 ✌ ✌️ 🤝 🙏 🆗 ✔ ✔️ ✅ 😂 🤣 😹'],
  [-1.5, '😐 😑 😶 🙄 😒 😕 🙁 ☹ ☹️ 😟 😔 😞 😓 😥 😪 😴 🥱 🤔 🤨 😬 😅'],
  [-2.5, '😣 😖 😫 😩 😢 😭 😿 😤 😠 😡 🤬 👿 💢 🤮 🤢 💩 👎 👎🏻 💔 😱 😨 😰 😷 🤦 🤦‍♀️ 🤦‍♂️ ❌ 🚫 ⚠ ⚠️ 🐢 🐌'],
];

const kaomoji: Array<[number, string]> = [
  [2, '^_^ ^^ ^-^ ^o^ ^O^ ^ω^ ^▽^ (^_^) (^o^) (*^_^*) (*^▽^*) (^^) :-) :) =) =] :] :D :-D XD xD 8) <3 ✌'],
  [-2, 'T_T T.T TAT QAQ QwQ ToT T^T ;_; >_< >.< -_- -_-|| =_= -.- -.-|| ==|| orz OTZ :-( :( =( :[ :-/'],
];

const stickers: Array<[number, string]> = [
  [2, '赞 good 强 哈哈 嘻嘻 爱你 鼓掌 心 玫瑰 耶 ok OK 微笑 可爱 太开心 憨笑 愉快 偷笑 得意 酷 好棒 给力 威武 握手 抱抱 奋斗 喜欢 笑cry 666 点赞'],
  [-2, '怒 生气 发怒 抓狂 衰 泪 流泪 大哭 委屈 弱 鄙视 吐 晕 汗 冷汗 尴尬 难过 撇嘴 伤心 心碎 怒骂 闭嘴 白眼 无语 拜拜 嫌弃 失望 差劲 囧'],
];

function toMap(groups: Array<[number, string]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [weight, list] of groups) for (const item of list.split(/\s+/)) if (item) map.set(item, weight);
  return map;
}

export const emojiScores = toMap(emoji);
export const kaomojiScores = toMap(kaomoji);
export const stickerScores = toMap(stickers);
