Console.WriteLine("Crux.Connect sample: placeholder until the simulator lands.");
