namespace Tariffs.Domain; public static class Placeholder {}
