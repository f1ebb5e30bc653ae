// placeholder entry point; the Sandbox helper replaces this file.
System.Console.WriteLine("sandbox");
